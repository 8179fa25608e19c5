# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs
# test_resource_block_parsing_permutations: the declarations and shorthand
# rules of a block may come in any order (one of Oso's permutations, with
# Repo/Org becoming Repository/Organization). Expectations regenerated from
# npm oso 0.27.3.

actor User {}
resource Organization {
    roles = ["member"];
}
resource Repository {
    "reader" if "member" on "parent";
    relations = { creator: User, parent: Organization };
    "pull" if "reader";
    permissions = ["push", "pull"];
    "writer" if "creator";
    roles = ["writer", "reader"];
    "push" if "writer";
}

has_role(user: User, "member", org: Organization) if
    user.name = "m" and
    org.name = "acme";
has_role(_: User, _: String, _: Repository) if false;
has_relation(org: Organization, "parent", repo: Repository) if org = repo.org;
has_relation(user: User, "creator", repo: Repository) if user.name = repo.name;

#? has_permission(new User("m", []), p, new Repository("r", ACME))
#= {"p": "pull"}
#? has_permission(new User("r", []), p, new Repository("r", ACME))
#= {"p": "push"}
#? has_permission(new User("x", []), p, new Repository("r", ACME))
#= none
