# polar fmt: off (a parse-error case: the text must stay as it is)
# Specializers cannot be expressions.

f(x: 1 + 2) if x = x;

#!load ParseError::UnrecognizedToken 4:8
