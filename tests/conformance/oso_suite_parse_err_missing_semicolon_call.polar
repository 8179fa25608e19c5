# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/parser.rs try_it_with_macros.
# A rule without its final semicolon.

bar(a, c) if foo(a, b(c), "d")

#!load ParseError::WrongValueType 5:21
