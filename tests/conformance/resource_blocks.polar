# Resource blocks: `actor` and `resource` blocks declare roles, permissions
# and relations; each shorthand line becomes a rule named after what its
# head is declared as (has_role, has_permission, has_relation), with an
# `actor: Actor` and a `repository: Repository` parameter. Classes are the
# fixture host classes (runner/fixture_classes.hpp). Each validation error
# has its own resource_error_*.polar file.

actor User {}

resource Organization {
    roles = ["owner", "member"];
    permissions = ["read", "invite"];

    "member" if "owner";
    "read" if "member";
    "invite" if "owner";
}

resource Repository {
    permissions = ["read", "push", "delete"];
    roles = ["reader", "writer", "admin"];
    relations = { parent: Organization, creator: User };

    "read" if "reader";
    "push" if "writer";
    "delete" if "admin";
    "reader" if "writer";
    "writer" if "admin";
    "admin" if "creator";
    "reader" if "member" on "parent";
    "admin" if "owner" on "parent";
    "read" if "read" on "parent";
}

allow(actor, action, resource) if has_permission(actor, action, resource);

has_role(user: User, "owner", org: Organization) if
    user.name = "ann" and
    org.name = "acme";
has_role(user: User, "member", org: Organization) if
    user.name = "bob" and
    org.name = "acme";
has_role(user: User, "writer", repo: Repository) if
    user.name = "cat" and
    repo.name = "anvil";

has_relation(org: Organization, "parent", repo: Repository) if org = repo.org;
has_relation(user: User, "creator", repo: Repository) if
    user.name = "dan" and
    repo.name = "anvil";

# Local shorthand rules: role implies role, role implies permission.
#? has_role(new User("ann", []), "member", ACME)
#= {}

#? allow(new User("ann", []), "invite", ACME)
#= {}

#? allow(new User("bob", []), "invite", ACME)
#= none

# Every permission, in the order Oso finds them; a permission reached two
# ways is found twice (below, "read" on a repository).
#? allow(new User("ann", []), action, ACME)
#= {"action": "read"}
#= {"action": "invite"}

#? allow(new User("bob", []), action, ACME)
#= {"action": "read"}

# Across a relation: "reader" if "member" on "parent" and friends.
#? allow(new User("bob", []), "read", new Repository("anvil", ACME))
#= {}
#= {}

#? allow(new User("bob", []), "push", new Repository("anvil", ACME))
#= none

#? allow(new User("ann", []), action, new Repository("anvil", ACME))
#= {"action": "read"}
#= {"action": "read"}
#= {"action": "push"}
#= {"action": "delete"}
#= {"action": "read"}

#? allow(new User("bob", []), action, new Repository("anvil", ACME))
#= {"action": "read"}
#= {"action": "read"}

#? allow(new User("cat", []), action, new Repository("anvil", ACME))
#= {"action": "read"}
#= {"action": "push"}

# A relation to an actor: "admin" if "creator".
#? allow(new User("dan", []), action, new Repository("anvil", ACME))
#= {"action": "read"}
#= {"action": "push"}
#= {"action": "delete"}

#? allow(new User("eve", []), action, new Repository("anvil", ACME))
#= none

# The parent must be the repository's organization.
#? allow(new User("ann", []), "delete", new Repository("anvil", new Organization("elsewhere")))
#= none

# A subclass of an actor is an actor.
#? allow(new Admin("ann", []), "delete", new Repository("anvil", ACME))
#= {}

#? has_role(new User("ann", []), role, ACME)
#= {"role": "owner"}
#= {"role": "member"}

#? has_permission(new User("bob", []), p, ACME)
#= {"p": "read"}

# The unions: actor blocks make Actor, actor and resource blocks make Resource.
#? new User("a", []) matches Actor
#= {}

#? new Admin("a", []) matches Actor
#= {}

#? new User("a", []) matches Resource
#= {}

#? new Organization("o") matches Actor
#= none

#? ACME matches Resource
#= {}

#? 1 matches Actor
#= none
