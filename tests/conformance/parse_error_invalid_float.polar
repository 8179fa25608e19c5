# polar fmt: off (a parse-error case: the text must stay as it is)
# An exponent with no digits: ParseError::InvalidFloat "1e was parsed as
# a float, but is invalid".

f(1e);

#!load ParseError::InvalidFloat 5:3
