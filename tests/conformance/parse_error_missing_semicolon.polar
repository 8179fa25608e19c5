# The last rule has no semicolon: ParseError::UnrecognizedEOF "hit the
# end of the file unexpectedly. Did you forget a semi-colon at line 8,
# column 5".  The position is just after the last token (not after the
# final newline).

f(1);
#!load ParseError::UnrecognizedEOF 8:5
g(2)
