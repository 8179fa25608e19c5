# polar fmt: off (a parse-error case: the text must stay as it is)
# The last rule has no semicolon: ParseError::UnrecognizedEOF "hit the
# end of the file unexpectedly. Did you forget a semi-colon at line 9,
# column 5".  The position is just after the last token (not after the
# final newline).

f(1);
#!load ParseError::UnrecognizedEOF 9:5
g(2)
