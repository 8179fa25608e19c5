# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) languages/python/oso/tests/test_polar.py test_lookup_in_head.
# A dot lookup is not a specializer.

allow("leina", action: Actions.READ, "doc");

#!load ParseError::UnrecognizedToken 5:31
