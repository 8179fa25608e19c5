# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) languages/python/oso/tests/test_polar.py test_parser_errors; languages/js/src/Polar.test.ts.
# A number is not a rule.


    1;
    

#!load ParseError::UnrecognizedToken 6:5
