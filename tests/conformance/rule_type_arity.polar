# A rule with a different number of parameters than its rule type is
# invalid: "Failed to match because: Different number of parameters. Rule
# has 2 parameter(s) but rule type has 1."

type f(x: Integer);
f(1, 2);

#!load ValidationError::InvalidRule 6:1
