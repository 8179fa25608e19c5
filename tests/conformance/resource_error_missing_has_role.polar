# Declaring roles requires some has_role rule (generated ones count):
# ValidationError::MissingRequiredRule "Missing implementation for required
# rule has_role(actor: Actor{}, role: String{}, resource: Resource{});", with
# no position.

actor User {}

resource Organization {
    roles = ["member"];
    permissions = ["read"];
    "read" if "member";
}

#!load ValidationError::MissingRequiredRule
