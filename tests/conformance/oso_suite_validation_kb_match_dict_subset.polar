# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_rule_params_match.
# rule: f(x: {id: 1}), rule_type: f(x: {id: 1, name: "Dave"}): the rule does not match its rule type.

type f(_x: {id: 1, name: "Dave"});
f(_x: {id: 1});

#!load ValidationError::InvalidRule 5:1
