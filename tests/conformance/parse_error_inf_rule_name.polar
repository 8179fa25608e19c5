# polar fmt: off (a parse-error case: the text must stay as it is)
# `inf` is a float literal (Oso's lexer), so it cannot name a rule.

f(1);
inf(1);

#!load ParseError::UnrecognizedToken 5:1
