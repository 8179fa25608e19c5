# `.5` is not a float literal: ParseError::UnrecognizedToken "did not
# expect to find the token '5'".

f(.5);

#!load ParseError::UnrecognizedToken 4:4
