# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_keyword_call.
# `debug` is a reserved word.

debug(a) if a;

#!load ParseError::ReservedWord 4:1
