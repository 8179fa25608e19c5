# `not not G` needs parentheses: `not (not G)`.

g(1);
f() if not not g(1);

#!load ParseError::UnrecognizedToken 4:12
