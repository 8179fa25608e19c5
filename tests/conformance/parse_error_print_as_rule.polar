# polar fmt: off (a parse-error case: the text must stay as it is)
# `print` is a built-in operation, not a rule name.

print(3);

#!load ParseError::UnrecognizedToken 4:1
