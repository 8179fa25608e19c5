# A block may be opened again: the declarations and shorthand rules of both
# are merged (Oso 0.27.3), and a string may be declared again as the same kind.

actor User {}

resource Organization {
    roles = ["member"];
    "read" if "member";
}

resource Organization {
    roles = ["member"];
    permissions = ["read"];
}

has_role(user: User, "member", _org: Organization) if user.name = "ann";

#? has_permission(new User("ann", []), action, ACME)
#= {"action": "read"}

#? has_permission(new User("bob", []), action, ACME)
#= none
