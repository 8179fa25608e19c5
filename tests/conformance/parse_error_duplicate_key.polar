# A dictionary literal with the same key twice:
# ParseError::DuplicateKey "Duplicate key: a", reported at the first `a`.

f(x) if x = {a: 1, a: 2};

#!load ParseError::DuplicateKey 4:14
