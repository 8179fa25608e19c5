# Specializers cannot be expressions.

f(x: 1 + 2) if x = x;

#!load ParseError::UnrecognizedToken 3:8
