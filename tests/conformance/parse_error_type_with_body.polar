# polar fmt: off (a parse-error case: the text must stay as it is)
# A rule type has no body.

type f(x: Integer) if x = 1;

#!load ParseError::UnrecognizedToken 4:20
