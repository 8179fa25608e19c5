# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/parser.rs test_parse_new_mixed_args.
# Positional constructor arguments cannot follow keyword arguments.

a(x) if x = new Foo(bar: 3, baz: 4, 1, 2);

#!load ParseError::UnrecognizedToken 5:37
