# polar fmt: off (a parse-error case: the text must stay as it is)
# `.5` is not a float literal: ParseError::UnrecognizedToken "did not
# expect to find the token '5'".

f(.5);

#!load ParseError::UnrecognizedToken 5:4
