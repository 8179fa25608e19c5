# Strings use double quotes only.

f('a');

#!load ParseError::InvalidTokenCharacter 3:3
