# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_default_rule_types.
# allow has built-in rule types of arity 3.

allow("leina", "food");

#!load ValidationError::InvalidRule 4:1
