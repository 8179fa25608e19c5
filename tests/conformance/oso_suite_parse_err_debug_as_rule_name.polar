# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_keyword_call.
# `debug` is a reserved word.

debug(a) if a;

#!load ParseError::ReservedWord 5:1
