# polar fmt: off (a parse-error case: the text must stay as it is)
# Two goals with no `and` between them:
# ParseError::UnrecognizedToken "did not expect to find the token 'x'".

f(x) if x = 1 x = 2;

#!load ParseError::UnrecognizedToken 5:15
