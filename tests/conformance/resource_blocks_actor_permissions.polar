# An actor block can declare roles and permissions too, and its class is a
# Resource as well as an Actor: users can have permissions on users.

actor User {
    roles = ["self"];
    permissions = ["edit"];
    "edit" if "self";
}

has_role(user: User, "self", other: User) if user.name = other.name;

#? has_permission(new User("ann", []), "edit", new User("ann", []))
#= {}

#? has_permission(new User("ann", []), "edit", new User("bob", []))
#= none

#? has_permission(new Admin("ann", []), action, new User("ann", []))
#= {"action": "edit"}
