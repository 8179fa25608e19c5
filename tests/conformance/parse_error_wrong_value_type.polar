# polar fmt: off (a parse-error case: the text must stay as it is)
# A comparison is not a value: it cannot appear where a term is expected.
# ParseError::WrongValueType "Wrong value type: 1 < 2. Expected a value".

f(x) if x = (1 < 2) = true;

#!load ParseError::WrongValueType 5:14
