# Keywords cannot be rule names: `and(1);` gives
# ParseError::UnrecognizedToken "did not expect to find the token 'and'".

and(1);

#!load ParseError::UnrecognizedToken 4:1
