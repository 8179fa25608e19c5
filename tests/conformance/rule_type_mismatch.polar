# A rule whose argument class differs from the rule type is invalid.
# ValidationError::InvalidRule: "Invalid rule: f(\"a\"); Must match one of
# the following rule types:\n\nf(x: Integer{});\n\tFailed to match because:
# Rule specializer String on parameter 1 must match rule type specializer
# Integer\n at line 8, column 1".

type f(x: Integer);
f("a");

#!load ValidationError::InvalidRule 8:1
