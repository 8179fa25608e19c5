# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) languages/python/oso/tests/test_polar.py test_parser_errors; test/spec/errors.yml.
# A newline inside a string.


    f(a) if a = "this is not
    allowed";
    

#!load ParseError::InvalidTokenCharacter 6:29
