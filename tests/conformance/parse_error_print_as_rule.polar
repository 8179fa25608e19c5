# `print` is a built-in operation, not a rule name.

print(3);

#!load ParseError::UnrecognizedToken 3:1
