# A dictionary literal must have the rule type's fields with the same
# values: "Invalid parameter 1. Rule type expected Dictionary with fields
# {a: 1}, got dictionary with fields {a: 2}."

type f(x: {a: 1});
f({a: 2});

#!load ValidationError::InvalidRule 6:1
