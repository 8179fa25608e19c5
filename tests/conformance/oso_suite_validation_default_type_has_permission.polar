# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_default_rule_types.
# has_permission has a built-in rule type (Actor, String, Resource).

has_permission("leina", "eat", "food");

#!load ValidationError::InvalidRule 4:1
