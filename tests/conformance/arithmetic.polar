# Arithmetic: + - * on integers stays integer; any float operand gives a
# float.  `/` always gives a float (see division_mod_rem.polar).

#? x = 1 + 2
#= {"x": 3}

#? x = 5 - 7
#= {"x": -2}

#? x = 6 * 7
#= {"x": 42}

#? x = 1 + 0.5
#= {"x": 1.5}

#? x = 2 * 3.5
#= {"x": 7.0}

#? x = 10 - 2.5
#= {"x": 7.5}

#? x = 1.5 + 1.5
#= {"x": 3.0}

#? x = 2.0 * 3
#= {"x": 6.0}

# Precedence: * / mod rem bind tighter than + -; all are left-associative.
#? x = 1 + 2 * 3
#= {"x": 7}

#? x = (1 + 2) * 3
#= {"x": 9}

#? x = 10 - 2 - 3
#= {"x": 5}

#? x = 2 * 3 - 4 * 5
#= {"x": -14}

#? x = 7 mod 4 * 2
#= {"x": 6}

#? x = 2 * 7 mod 4
#= {"x": 2}

#? x = 1 + 7 mod 4
#= {"x": 4}

#? x = 100 / 10 / 5
#= {"x": 2.0}

# Negative literals.
#? x = -3 + 1
#= {"x": -2}

#? x = 5 - -1
#= {"x": 6}

#? x = -2 * -3
#= {"x": 6}

#? x = - 1
#= {"x": -1}

# Arithmetic on bound variables.
#? a = 3 and b = 4 and x = a * a + b * b
#= {"a": 3, "b": 4, "x": 25}

# Arithmetic inside a comparison.
#? 1 + 1 < 3
#= {}

#? 2 * 2 == 4
#= {}

#? 2 * 2 == 4.0
#= {}

# Arithmetic result unified with a literal.
#? 1 + 2 = 3
#= {}

#? 1 + 2 = 4
#= none

#? 3 = 1 + 2
#= {}

# Arithmetic in rule arguments and heads.
double(x, y) if y = x * 2;

#? double(21, y)
#= {"y": 42}

#? double(1.5, y)
#= {"y": 3.0}

# Unsupported operand types are errors.
#? x = "a" + "b"
#! RuntimeError::Unsupported -- Not supported: unsupported arithmetic operands: "a" + "b" = _op_N at line 1, column 5

#? x = [1] + [2]
#! RuntimeError::Unsupported -- Not supported: unsupported arithmetic operands: [1] + [2] = _op_N at line 1, column 5

#? x = 1 + "a"
#! RuntimeError::Unsupported -- Not supported: unsupported arithmetic operands: 1 + "a" = _op_N at line 1, column 5

#? x = true + 1
#! RuntimeError::Unsupported -- Not supported: unsupported arithmetic operands: true + 1 = _op_N at line 1, column 5

#? x = {a: 1} * 2
#! RuntimeError::Unsupported -- Not supported: unsupported arithmetic operands: {a: 1} * 2 = _op_N at line 1, column 5

#? x = nil + 1
#! RuntimeError::Unsupported -- Not supported: unsupported arithmetic operands: null TYPE `UNKNOWN` + 1 = _op_N at line 1, column 5
