# A relation from a class to itself (folders in folders): the generated rule
# names the far end `related_organization`, so the two ends stay apart.
# Organizations nest by name here: "sub" is in "acme", "deep" is in "sub".

actor User {}

resource Organization {
    roles = ["viewer"];
    permissions = ["view"];
    relations = { parent: Organization };

    "view" if "viewer";
    "viewer" if "viewer" on "parent";
}

has_relation(parent: Organization, "parent", child: Organization) if
    [name, child.name] in [["acme", "sub"], ["sub", "deep"]] and
    parent = new Organization(name);

has_role(user: User, "viewer", org: Organization) if
    user.name = "ann" and
    org.name = "acme";

#? has_permission(new User("ann", []), "view", new Organization("deep"))
#= {}

#? has_permission(new User("ann", []), "view", new Organization("sub"))
#= {}

#? has_permission(new User("bob", []), "view", new Organization("deep"))
#= none

#? has_permission(new User("ann", []), "view", new Organization("elsewhere"))
#= none
