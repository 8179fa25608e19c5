# A call's positional arguments take no trailing comma (Oso's grammar).

g(_x);
f(x) if g(x,);

#!load ParseError::UnrecognizedToken 4:13
