# polar fmt: off (a parse-error case: the text must stay as it is)
# Errors are reported with 1-based line and column; comments and blank
# lines count as lines.  Earlier good rules do not matter.

f(1);

g(2);
   h(3) extra;

#!load ParseError::UnrecognizedToken 8:9
