# polar fmt: off (a parse-error case: the text must stay as it is)
# Strings use double quotes only.

f('a');

#!load ParseError::InvalidTokenCharacter 4:3
