# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_validate_rules.
# A rule for a superclass of the rule type class (Fruit/Orange become User/Admin).
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

type f(_x: Admin);
f(_x: Admin);
f(_x: User);

#!load ValidationError::InvalidRule 7:1
