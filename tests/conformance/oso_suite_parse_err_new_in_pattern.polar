# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_unify_rule_head.
# `new` cannot appear inside a specializer.

f(x: Foo{a: new Foo(a: 1)});

#!load ParseError::ReservedWord 5:13
