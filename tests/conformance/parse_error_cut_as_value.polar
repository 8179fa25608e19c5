# `cut` is not a value: ParseError::WrongValueType "Wrong value type:
# cut. Expected a value".

f(cut);

#!load ParseError::WrongValueType 4:3
