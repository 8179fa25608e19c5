# polar fmt: off (a parse-error case: the text must stay as it is)
# A raw line break inside a string literal is not allowed (use \n, or a
# backslash before the line break): ParseError::InvalidTokenCharacter
# "'\n' is not a valid character. Found in a" at the position of the line
# break.

f("a
b");

#!load ParseError::InvalidTokenCharacter 7:5
