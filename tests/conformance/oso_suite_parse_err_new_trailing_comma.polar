# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/parser.rs test_parse_new_boa_constructor.
# No trailing comma in constructor arguments.

a(x) if x = new Foo(1,);

#!load ParseError::UnrecognizedToken 5:23
