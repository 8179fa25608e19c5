# `in` (like `cut` and `debug`) cannot name a rule: ParseError::ReservedWord
# "in is a reserved Polar word and cannot be used here".

in(1);

#!load ParseError::ReservedWord 4:1
