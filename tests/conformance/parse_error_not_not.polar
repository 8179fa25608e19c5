# polar fmt: off (a parse-error case: the text must stay as it is)
# `not not G` needs parentheses: `not (not G)`.

g(1);
f() if not not g(1);

#!load ParseError::UnrecognizedToken 5:12
