# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs
# test_resource_block_declarations_spread_over_multiple_resource_blocks (last
# policy: duplicate declarations in two blocks are fine) and
# test_resource_block_declarations_overwriting (first policy: redeclaring a
# role as a role is fine). Repo becomes the fixture class Repository.
# `actor User {}` is added for the has_role rule.
# Expectations regenerated from npm oso 0.27.3.

actor User {}

resource Repository {
    relations = { readable_parent: Repository, writable_parent: Repository };
    roles = ["reader", "writer"];
    permissions = ["read", "write"];

    "read" if "reader";
    "write" if "writer";

    "read" if "read" on "readable_parent";
    "write" if "write" on "writable_parent";
}

resource Repository {
    relations = { readable_parent: Repository, writable_parent: Repository };
    roles = ["reader", "writer"];
    permissions = ["read", "write"];

    "reader" if "writer";

    "read" if "reader" on "readable_parent";
    "write" if "writer" on "writable_parent";
}

resource Organization {
    roles = ["reader"];
}

resource Organization {
    roles = ["reader"];
}

has_role(user: User, role: String, _: Resource) if role in user.roles;
has_relation(subject: Repository, "writable_parent", object: Repository) if
    object.org = subject;
has_relation(subject: Repository, "readable_parent", object: Repository) if
    object.org = subject;

#? has_permission(new User("u", ["writer"]), p, new Repository("r", ACME))
#= {"p": "read"}
#= {"p": "write"}
#? has_permission(new User("u", ["reader"]), p, new Repository("r", ACME))
#= {"p": "read"}
#? has_role(new User("u", ["writer"]), r, new Repository("r", ACME))
#= {"r": "writer"}
#= {"r": "reader"}
#? has_role(new User("u", ["reader"]), "reader", ACME)
#= {}
