# Resource blocks: roles, permissions and relations are lists and
# dictionaries, so commas may trail and repeat there as in commas.polar.

actor User {}

resource Repository {
    permissions = ["read", "push"];
    roles = ["reader", "writer"];
    relations = { creator: User };

    "read" if "reader";
    "push" if "writer";
    "reader" if "writer";
    "writer" if "creator";
}

allow(actor, action, resource) if has_permission(actor, action, resource);

has_role(user: User, "reader", repo: Repository) if
    user.name = "bob" and
    repo.name = "anvil";
has_relation(user: User, "creator", repo: Repository) if
    user.name = "dan" and
    repo.name = "anvil";

#? allow(new User("bob", []), action, new Repository("anvil", ACME))
#= {"action": "read"}

#? allow(new User("dan", []), action, new Repository("anvil", ACME))
#= {"action": "read"}
#= {"action": "push"}
