# polar fmt: off (a parse-error case: the text must stay as it is)
# A string that is never closed.  Strings cannot contain raw line
# breaks, so the line break ending the last line is reported:
# ParseError::InvalidTokenCharacter "'\n' is not a valid character. Found
# in abc);" at line 8, column 9.  (Without a final newline Oso reports
# '\0' at the opening quote instead.)
#!load ParseError::InvalidTokenCharacter 8:9
f("abc);
