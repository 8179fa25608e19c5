# A rule parameter without a specializer does not satisfy a typed
# parameter, even if the body checks the class: "Failed to match because:
# Parameter `x` expects a Integer type constraint."

type f(x: Integer);
f(x) if x matches Integer;

#!load ValidationError::InvalidRule 6:1
