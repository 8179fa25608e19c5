# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_rule_params_match.
# rule: f(x: true), rule_type: f(x: false): the rule does not match its rule type.

type f(_x: false);
f(_x: true);

#!load ValidationError::InvalidRule 5:1
