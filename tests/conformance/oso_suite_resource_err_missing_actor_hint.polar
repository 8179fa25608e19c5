# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_missing_actor_hint.
# has_role for a class with no actor block.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Organization {
    roles = ["owner"];
    permissions = ["read"];

    "read" if "owner";
}

has_role(user: User, "owner", organization: Organization) if
    organization.owner_id = user.id;

#!load ValidationError::InvalidRule 12:1
