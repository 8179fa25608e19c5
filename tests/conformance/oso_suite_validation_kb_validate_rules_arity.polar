# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_validate_rules.
# A rule type applies to a rule of the same name even with another arity.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

type f(_x: Admin, 1);
f(_x: Admin);

#!load ValidationError::InvalidRule 6:1
