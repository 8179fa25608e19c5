# polar fmt: off (a parse-error case: the text must stay as it is)
# `in` (like `cut` and `debug`) cannot name a rule: ParseError::ReservedWord
# "in is a reserved Polar word and cannot be used here".

in(1);

#!load ParseError::ReservedWord 5:1
