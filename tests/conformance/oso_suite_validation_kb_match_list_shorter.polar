# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_rule_params_match.
# rule: f(x: [1,2]), rule_type: f(x: [1,2,3]): the rule does not match its rule type.

type f(_x: [1, 2, 3]);
f(_x: [1, 2]);

#!load ValidationError::InvalidRule 5:1
