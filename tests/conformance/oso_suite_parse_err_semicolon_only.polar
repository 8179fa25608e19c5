# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) languages/js/src/Polar.test.ts "passes the filename across the FFI boundary".
# A lone semicolon.

;

#!load ParseError::UnrecognizedToken 5:1
