# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_rule_params_match.
# rule: f(x: Fruit), rule_type: f(x: Citrus) (Fruit/Citrus become User/Admin): the rule does not match its rule type.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

type f(_x: Admin);
f(_x: User);

#!load ValidationError::InvalidRule 6:1
