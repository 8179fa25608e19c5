# `:=` is an operator in bodies; it cannot replace `if` in a rule.

f(x) := x = 1;

#!load ParseError::UnrecognizedToken 3:6
