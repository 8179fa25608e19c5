# Ported from Oso 0.27.3 (tag v0.27.3) languages/rust/oso/tests/test_polar.rs test_rule_types.
# A rule for a class outside the rule type (Widget becomes Repository).
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

type is_actor(_actor: User);
is_actor(_actor: User);
is_actor(_actor: Repository);

#!load ValidationError::InvalidRule 7:1
