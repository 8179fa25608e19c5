# `new` is reserved: ParseError::ReservedWord "new is a reserved Polar
# word and cannot be used here".

new(3);

#!load ParseError::ReservedWord 4:1
