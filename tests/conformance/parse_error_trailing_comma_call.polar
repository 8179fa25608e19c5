# polar fmt: off (a parse-error case: the text must stay as it is)
# A call's positional arguments take no trailing comma (Oso's grammar).

g(_x);
f(x) if g(x,);

#!load ParseError::UnrecognizedToken 5:13
