# With several rule types, a rule matching none of them is invalid; the
# message lists every type with its own reason.

type f(x: Integer);
type f(x: String);
f(1);
f(true);

#!load ValidationError::InvalidRule 7:1
