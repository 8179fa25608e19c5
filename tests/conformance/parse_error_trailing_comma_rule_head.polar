# A rule head's parameters take no trailing comma (Oso's grammar).

f(x, y,) if x = y;

#!load ParseError::UnrecognizedToken 3:8
