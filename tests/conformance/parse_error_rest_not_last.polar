# polar fmt: off (a parse-error case: the text must stay as it is)
# A rest variable must be the last element of a list.

f(x) if x = [1, *y, 2] and y = y;

#!load ParseError::UnrecognizedToken 4:19
