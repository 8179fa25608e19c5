# polar fmt: off (a parse-error case: the text must stay as it is)
# A character outside the Polar alphabet: ParseError::InvalidTokenCharacter
# "'$' is not a valid character. Found in " (empty token).

f(1);
g($);

#!load ParseError::InvalidTokenCharacter 6:3
