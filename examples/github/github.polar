# github.polar — GitHub-like authorization, after the Oso Winter Hackathon's
# "Polarcoaster" policy: organizations own repositories, and a role on an
# organization implies roles on its repositories.
#
# Two ways to hold a role on a repository, so a workload exercises both:
#   * directly, from the user's repoRoles list (`has_role` on Repository);
#   * through the parent organization ("reader" if "member" on "parent").
#
# The classes come from the host (examples/github/registration.cpp, or the
# JS classes of oso/check_against_oso.js): User, Organization, Repository,
# OrgRole and RepoRole.

allow(actor, action, resource) if has_permission(actor, action, resource);

actor User {}

resource Organization {
    roles = ["owner", "member"];
    permissions = ["invite", "create_repo"];

    "create_repo" if "member";
    "invite" if "owner";

    "member" if "owner";
}

resource Repository {
    roles = ["writer", "reader"];
    permissions = ["push", "pull"];
    relations = { parent: Organization };

    "pull" if "reader";
    "push" if "writer";

    "reader" if "writer";

    "reader" if "member" on "parent";
    "writer" if "owner" on "parent";
}

# A repository's parent is the organization that holds it.
has_relation(org: Organization, "parent", repo: Repository) if org = repo.org;

# Roles on organizations: OrgRole { role, orgName } entries of the user.
has_role(user: User, name: String, org: Organization) if
    role in user.orgRoles and
    role.role = name and
    role.orgName = org.name;

# Direct roles on repositories: RepoRole { role, repoName } entries; a
# repository's name is "org/repo", unique across organizations.
has_role(user: User, name: String, repo: Repository) if
    role in user.repoRoles and
    role.role = name and
    role.repoName = repo.name;
