# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_rule_params_match.
# rule: f(x: 6.0), rule_type: f(x: Foo): the rule does not match its rule type.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

type f(_x: Organization);
f(_x: 6.0);

#!load ValidationError::InvalidRule 6:1
