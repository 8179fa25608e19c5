# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) languages/python/oso/tests/test_polar.py test_parser_errors; test/spec/errors.yml.
# An integer literal beyond 64 bits.


    f(a) if a = 18446744073709551616;
    

#!load ParseError::IntegerOverflow 6:17
