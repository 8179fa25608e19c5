# Dictionary keys are identifiers, not strings.

f({"a": 1});

#!load ParseError::UnrecognizedToken 3:4
