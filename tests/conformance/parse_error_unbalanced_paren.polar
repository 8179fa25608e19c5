# polar fmt: off (a parse-error case: the text must stay as it is)
# An extra closing parenthesis.

f(1));

#!load ParseError::UnrecognizedToken 4:5
