# polar fmt: off (a parse-error case: the text must stay as it is)
# An integer literal that does not fit in 64 bits:
# ParseError::IntegerOverflow "'9223372036854775808' caused an integer
# overflow".  (There is no way to write -9223372036854775808 as a literal:
# the minus sign is not part of the token.)

f(9223372036854775808);

#!load ParseError::IntegerOverflow 7:3
