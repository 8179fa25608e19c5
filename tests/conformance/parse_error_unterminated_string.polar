# A string that is never closed.  Strings cannot contain raw line
# breaks, so the line break ending the last line is reported:
# ParseError::InvalidTokenCharacter "'\n' is not a valid character. Found
# in abc);" at line 7, column 9.  (Without a final newline Oso reports
# '\0' at the opening quote instead.)
#!load ParseError::InvalidTokenCharacter 7:9
f("abc);
