# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_default_rule_types.
# allow_request has a built-in rule type of arity 2.

allow_request("leina", "eat", "food");

#!load ValidationError::InvalidRule 4:1
