# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_rule_type_validation_errors_for_non_class_specializers.
# Different unregistered specializers: the rule type one is reported.

type f(_: Unregistered1);
f(_: Unregistered2);

#!load ValidationError::UnregisteredClass
