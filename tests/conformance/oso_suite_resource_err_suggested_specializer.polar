# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_suggested_rule_specializer.
# has_role with an unspecialized role parameter.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

actor User {}
resource Repository {
    permissions = ["read"];
    roles = ["contributor"];

    "read" if "contributor";
}

has_role(actor: User, role_name, repository: Repository) if
    role in actor.roles and
    role_name = role.name and
    repository = role.repository;

#!load ValidationError::InvalidRule 13:1
