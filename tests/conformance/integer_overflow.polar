# Integers are signed 64-bit.  Overflow in + - * is an ArithmeticError;
# a literal that does not fit is a parse error (see
# parse_error_integer_overflow.polar).  Results beyond 2^53 cannot be
# returned through Oso's JS host, so most cases keep big values in `_`
# variables or check them with comparisons.

#? _x = 9223372036854775807 and _x > 9223372036854775806
#= {}

#? _x = 9223372036854775807 + 1
#! RuntimeError::ArithmeticError -- Arithmetic error: 9223372036854775807 + 1 = _op_N at line 1, column 6

#? _x = 9223372036854775806 + 1 and _x = 9223372036854775807
#= {}

#? _m = -9223372036854775807 - 1 and _m < -9223372036854775807
#= {}

#? _m = -9223372036854775807 - 1 and _n = _m - 1
#! RuntimeError::ArithmeticError -- Arithmetic error: -9223372036854775808 - 1 = _op_N at line 1, column 40

#? _x = 9223372036854775807 * 2
#! RuntimeError::ArithmeticError -- Arithmetic error: 9223372036854775807 * 2 = _op_N at line 1, column 6

#? _x = 4611686018427387904 * 2
#! RuntimeError::ArithmeticError -- Arithmetic error: 4611686018427387904 * 2 = _op_N at line 1, column 6

#? _x = 4611686018427387904 * -2 and _x < 0
#= {}

#? x = 3037000500 * 3037000500
#! RuntimeError::ArithmeticError -- Arithmetic error: 3037000500 * 3037000500 = _op_N at line 1, column 5

#? _x = 3037000499 * 3037000499 and _x = 9223372030926249001
#= {}

#? _x = -9223372036854775807 - 2
#! RuntimeError::ArithmeticError -- Arithmetic error: -9223372036854775807 - 2 = _op_N at line 1, column 6

# Overflow in mod/rem: MIN mod -1 and MIN rem -1 are errors.
#? _m = -9223372036854775807 - 1 and _n = _m rem -1
#! RuntimeError::ArithmeticError -- Arithmetic error: -9223372036854775808 rem -1 = _temp_N at line 1, column 40

#? _m = -9223372036854775807 - 1 and _n = _m mod -1
#! RuntimeError::ArithmeticError -- Arithmetic error: -9223372036854775808 mod -1 = _temp_N at line 1, column 40

#? _m = -9223372036854775807 - 1 and _n = _m * -1
#! RuntimeError::ArithmeticError -- Arithmetic error: -9223372036854775808 * -1 = _op_N at line 1, column 40

# `/` produces a float, so it never overflows.
#? _m = -9223372036854775807 - 1 and _n = _m / -1 and _n > 0
#= {}

# Mixing in a float makes the result a float: no overflow.
#? x = 9223372036854775807 + 1.0
#= {"x": 9223372036854776000.0}

# Overflow inside a rule body.
inc(x, y) if y = x + 1;

#? inc(9223372036854775807, _y)
#! RuntimeError::ArithmeticError -- Arithmetic error: 9223372036854775807 + 1 = __op_1_N at line 59, column 18 of file integer_overflow.polar

#? inc(9223372036854775806, _y) and _y > 0
#= {}

# Integers at the edge of what a double represents exactly.
#? 9007199254740993 == 9007199254740992
#= none

#? 9007199254740993 > 9007199254740992
#= {}

# Results larger than 2^53 in absolute value: Oso's JS host cannot
# serialise them (OperationalError::Serialization), other hosts can.
#? x = 9223372036854775807
#~ JS host artefact: Oso's wasm/JS bridge refuses integers beyond 2^53 (OperationalError::Serialization); the Rust core holds the value fine.
#= {"x": 9223372036854775807}

#? x = -9223372036854775807 - 1
#~ JS host artefact: Oso's wasm/JS bridge refuses integers beyond 2^53 (OperationalError::Serialization); the Rust core holds the value fine.
#= {"x": -9223372036854775808}
