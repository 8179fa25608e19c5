# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_unify_rule_head.
# A pattern is not a constructor argument.

f(new Foo(a: Foo{a: 1}));

#!load ParseError::UnrecognizedToken 5:17
