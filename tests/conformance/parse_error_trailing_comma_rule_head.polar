# polar fmt: off (a parse-error case: the text must stay as it is)
# A rule head's parameters take no trailing comma (Oso's grammar).

f(x, y,) if x = y;

#!load ParseError::UnrecognizedToken 4:8
