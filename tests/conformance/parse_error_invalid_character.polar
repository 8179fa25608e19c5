# A character outside the Polar alphabet: ParseError::InvalidTokenCharacter
# "'$' is not a valid character. Found in " (empty token).

f(1);
g($);

#!load ParseError::InvalidTokenCharacter 5:3
