// model.hpp — the GitHub-like application: users, organizations and
// repositories, as plain C++ structs that know nothing of Polar.
//
// Role assignments are small structs (OrgRole, RepoRole) rather than
// dictionaries so that the policy's `role.orgName` is a host attribute
// lookup, the path the example is meant to exercise. A DataSet owns every
// object; its vectors are filled once and never resized afterwards, because
// repositories point at their organization and each check passes the
// objects by reference (`isAllowed(user, "read", repo)`), which Polar borrows.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace github {

struct Organization {
    std::string name;
    bool operator==(const Organization&) const = default;
};

struct Repository {
    std::string name; // "org/repo": unique across organizations
    const Organization* org = nullptr;
    bool operator==(const Repository& other) const { return name == other.name; }
};

// The user holds `role` ("owner" or "member") on the organization `orgName`.
struct OrgRole {
    std::string role;
    std::string orgName;
    bool operator==(const OrgRole&) const = default;
};

// The user holds `role` ("writer" or "reader") directly on `repoName`.
struct RepoRole {
    std::string role;
    std::string repoName;
    bool operator==(const RepoRole&) const = default;
};

struct User {
    std::string name;
    std::vector<OrgRole> orgRoles;
    std::vector<RepoRole> repoRoles;
    bool operator==(const User& other) const { return name == other.name; }
};

struct DataSet {
    DataSet() = default;
    // Move-only: a copy's repositories would still point at the original's
    // organizations. Moving a vector keeps its buffer, so moves are safe.
    DataSet(DataSet&&) = default;
    DataSet& operator=(DataSet&&) = default;
    DataSet(const DataSet&) = delete;
    DataSet& operator=(const DataSet&) = delete;

    std::vector<Organization> orgs;
    std::vector<Repository> repos;
    std::vector<User> users;

    // Lookups by name, for command-line arguments and the tests.
    const User* findUser(const std::string& name) const;
    const Organization* findOrg(const std::string& name) const;
    const Repository* findRepo(const std::string& name) const;
};

} // namespace github
