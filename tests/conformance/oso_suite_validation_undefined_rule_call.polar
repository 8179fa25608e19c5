# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/polar.rs diagnostic_load_returns_multiple_diagnostics; polar-core/src/validations.rs test_undefined_rule_error.
# A call to a rule that is not defined.

f() if g();

#!load ValidationError::UndefinedRuleCall 4:8
