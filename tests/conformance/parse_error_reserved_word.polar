# polar fmt: off (a parse-error case: the text must stay as it is)
# `new` is reserved: ParseError::ReservedWord "new is a reserved Polar
# word and cannot be used here".

new(3);

#!load ParseError::ReservedWord 5:1
