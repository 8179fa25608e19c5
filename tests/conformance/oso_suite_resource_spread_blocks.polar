# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs
# test_resource_block_declarations_spread_over_multiple_resource_blocks (first
# policy): shorthand rules in one block may use declarations from another
# block of the same resource. Repo becomes the fixture class Repository.
# `actor User {}` is added so that the generic has_role applies to a User.
# Expectations regenerated from npm oso 0.27.3.

actor User {}

resource Repository {
    relations = { readable_parent: Repository };
    roles = ["reader"];
    permissions = ["read"];

    "write" if "writer";
    "write" if "write" on "writable_parent";
}

resource Repository {
    relations = { writable_parent: Repository };
    roles = ["writer"];
    permissions = ["write"];

    "read" if "reader";
    "read" if "read" on "readable_parent";
}

has_role(_: Actor, _: String, _: Resource);
has_relation(subject: Repository, "writable_parent", object: Repository) if
    object.org = subject;
has_relation(subject: Repository, "readable_parent", object: Repository) if
    object.org = subject;

#? has_permission(new User("u", []), p, new Repository("r", ACME))
#= {"p": "write"}
#= {"p": "read"}
#? has_permission(new User("u", []), "read", new Repository("r", ACME))
#= {}
#? x = new Repository("top", ACME) and has_permission(new User("u", []), p, new Repository("r", x))
#= {"x": {"$instance": "Repository"}, "p": "write"}
#= {"x": {"$instance": "Repository"}, "p": "write"}
#= {"x": {"$instance": "Repository"}, "p": "read"}
#= {"x": {"$instance": "Repository"}, "p": "read"}
