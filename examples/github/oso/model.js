// model.js — the GitHub example's classes in JavaScript, for Oso 0.27.3.
//
// They mirror the C++ ones in ../model.hpp attribute for attribute, so the
// same github.polar loads on both sides. Shared by check_against_oso.js (do
// the decisions agree?) and bench/oso/github.js (how fast is Oso?); needs no
// package, so either can require it from its own folder.
class Organization {
    constructor(name) { this.name = name; }
}
class Repository {
    constructor(name, org) { this.name = name; this.org = org; }
}
class OrgRole {
    constructor(role, orgName) { this.role = role; this.orgName = orgName; }
}
class RepoRole {
    constructor(role, repoName) { this.role = role; this.repoName = repoName; }
}
class User {
    constructor(name, orgRoles, repoRoles) {
        this.name = name; this.orgRoles = orgRoles; this.repoRoles = repoRoles;
    }
}

// Objects by name; repositories point at the same Organization objects,
// as the C++ data set does.
function buildData(json) {
    const orgs = new Map(json.organizations.map((o) => [o.name, new Organization(o.name)]));
    const repos = new Map(json.repositories.map((r) => [r.name, new Repository(r.name, orgs.get(r.org))]));
    const users = new Map(json.users.map((u) => [u.name, new User(
        u.name,
        u.orgRoles.map((r) => new OrgRole(r.role, r.orgName)),
        u.repoRoles.map((r) => new RepoRole(r.role, r.repoName)))]));
    return { orgs, repos, users };
}

function resourceOf(data, check) {
    const table = check.resourceType === 'Organization' ? data.orgs : data.repos;
    const resource = table.get(check.resource);
    if (!resource) throw new Error(`unknown ${check.resourceType} ${check.resource}`);
    return resource;
}

module.exports = { Organization, Repository, OrgRole, RepoRole, User, buildData, resourceOf };
