# polar fmt: off (a parse-error case: the text must stay as it is)
# `cut` is not a value: ParseError::WrongValueType "Wrong value type:
# cut. Expected a value".

f(cut);

#!load ParseError::WrongValueType 5:3
