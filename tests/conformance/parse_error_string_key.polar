# polar fmt: off (a parse-error case: the text must stay as it is)
# Dictionary keys are identifiers, not strings.

f({"a": 1});

#!load ParseError::UnrecognizedToken 4:4
