# A rule type has no body.

type f(x: Integer) if x = 1;

#!load ParseError::UnrecognizedToken 3:20
