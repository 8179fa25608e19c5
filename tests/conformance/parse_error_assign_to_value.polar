# The left side of `:=` must be a variable.

f(x) if 1 := x;

#!load ParseError::UnrecognizedToken 3:11
