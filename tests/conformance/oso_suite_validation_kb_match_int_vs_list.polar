# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_rule_params_match.
# rule: f(x: 6), rule_type: f(x: List): the rule does not match its rule type.

type f(_x: List);
f(_x: 6);

#!load ValidationError::InvalidRule 5:1
