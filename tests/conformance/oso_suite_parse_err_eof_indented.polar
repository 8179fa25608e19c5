# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) languages/python/oso/tests/test_polar.py test_parser_errors.
# End of file inside a rule, on line 2.


    f(a)
    

#!load ParseError::UnrecognizedEOF 6:9
