# polar fmt: off (a parse-error case: the text must stay as it is)
# `:=` is an operator in bodies; it cannot replace `if` in a rule.

f(x) := x = 1;

#!load ParseError::UnrecognizedToken 4:6
