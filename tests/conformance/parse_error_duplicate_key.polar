# polar fmt: off (a parse-error case: the text must stay as it is)
# A dictionary literal with the same key twice:
# ParseError::DuplicateKey "Duplicate key: a", reported at the first `a`.

f(x) if x = {a: 1, a: 2};

#!load ParseError::DuplicateKey 5:14
