# polar fmt: off (a parse-error case: the text must stay as it is)
# The left side of `:=` must be a variable.

f(x) if 1 := x;

#!load ParseError::UnrecognizedToken 4:11
