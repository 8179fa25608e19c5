# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_unify_rule_head.
# An instance pattern needs a `_:` parameter.

f(Foo{a: 1});

#!load ParseError::UnrecognizedToken 5:6
