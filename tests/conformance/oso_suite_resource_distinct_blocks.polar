# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs
# test_resource_block_declarations_spread_over_multiple_resource_blocks
# (third policy): several blocks of one resource declare distinct roles,
# permissions and relations. Repo becomes the fixture class Repository.
# `actor User {}` is added so that the generic has_role applies to a User.
# Expectations regenerated from npm oso 0.27.3.

actor User {}

resource Repository {
    relations = { readable_parent: Repository };
    roles = ["reader"];
    permissions = ["read"];

    "read" if "reader";
    "read" if "read" on "readable_parent";
}

resource Repository {
    relations = { writable_parent: Repository };
    roles = ["writer"];
    permissions = ["write"];

    "write" if "writer";
    "write" if "write" on "writable_parent";
}

has_role(_: Actor, _: String, _: Resource);
has_relation(subject: Repository, "writable_parent", object: Repository) if
    object.org = subject;
has_relation(subject: Repository, "readable_parent", object: Repository) if
    object.org = subject;

#? has_permission(new User("u", []), p, new Repository("r", ACME))
#= {"p": "read"}
#= {"p": "write"}
