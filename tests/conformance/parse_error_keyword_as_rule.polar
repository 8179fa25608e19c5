# polar fmt: off (a parse-error case: the text must stay as it is)
# Keywords cannot be rule names: `and(1);` gives
# ParseError::UnrecognizedToken "did not expect to find the token 'and'".

and(1);

#!load ParseError::UnrecognizedToken 5:1
