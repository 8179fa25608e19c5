# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_rule_params_match.
# rule: f(x: "string"), rule_type: f(x: Integer): the rule does not match its rule type.

type f(_x: Integer);
f(_x: "string");

#!load ValidationError::InvalidRule 5:1
