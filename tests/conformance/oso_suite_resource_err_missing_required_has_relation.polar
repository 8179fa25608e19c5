# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_missing_required_rule_type.
# A relation used in a shorthand rule needs a has_relation rule (Issue becomes Organization).
# Oso's message: "Missing implementation for required rule has_relation(subject:
# Repository{}, \"repo\", object: Organization{});", placed at the relation's type.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

actor User {}
resource Repository {
    relations = { owner: User };
}

resource Organization {
    roles = ["write"];
    relations = { repo: Repository };
    "write" if "owner" on "repo";
}

allow(actor, action, resource) if has_permission(actor, action, resource);
# Added so that has_relation for "repo" is the only missing required rule
# (Oso reports one of several missing rules in no fixed order).
has_role(_: User, _: String, _: Organization);
has_relation(user: User, "owner", repo: Repository) if repo.name = user.name;

#!load ValidationError::MissingRequiredRule 14:25
