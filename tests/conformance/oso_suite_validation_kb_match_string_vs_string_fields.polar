# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_rule_params_match.
# rule: f(x: "hello"), rule_type: f(x: String{id: 1}): the rule does not match its rule type.

type f(_x: String{id: 1});
f(_x: "hello");

#!load ValidationError::InvalidRule 5:1
