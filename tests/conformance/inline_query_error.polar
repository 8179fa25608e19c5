# An inline query that raises makes the load fail with that error.
# Message: "Arithmetic error: 1 mod 0 = _temp_1 at line 4, column 8".

?= x = 1 mod 0;

#!load RuntimeError::ArithmeticError 4:8
