# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_missing_resource_hint.
# has_role for a class with no resource block.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

actor User {}
resource Organization {
    roles = ["owner"];
    permissions = ["read"];

    "read" if "owner";
}

has_role(user: User, "owner", organization: Organization) if
    organization.owner_id = user.id;

has_role(user: User, "owner", repository: Repository) if
    repository.owner_id = user.id;

#!load ValidationError::InvalidRule 16:1
