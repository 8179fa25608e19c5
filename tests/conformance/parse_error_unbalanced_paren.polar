# An extra closing parenthesis.

f(1));

#!load ParseError::UnrecognizedToken 3:5
