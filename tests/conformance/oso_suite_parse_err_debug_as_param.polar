# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_keyword_call.
# `debug` cannot be a parameter name.

foo(debug) if debug = 1;

#!load ParseError::UnrecognizedToken 5:10
