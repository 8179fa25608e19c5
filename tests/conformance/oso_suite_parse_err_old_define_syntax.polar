# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_assignment.
# The pre-0.20 `:=` rule syntax is gone.

f(x) := g(x);

#!load ParseError::UnrecognizedToken 5:6
