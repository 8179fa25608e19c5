# Float literals and float arithmetic.  Accepted: 1.5, 5., 1e3, 1E3,
# 1e+3, 1.5e-3, 5.e2, 00.5; a leading dot (.5) is a parse error; an
# exponent makes the literal a float even without a dot.

#? x = 1.5
#= {"x": 1.5}

#? x = -2.25
#= {"x": -2.25}

#? x = 1.0
#= {"x": 1.0}

#? x = 0.0
#= {"x": 0.0}

#? x = 1e3
#= {"x": 1000.0}

#? x = 1E3
#= {"x": 1000.0}

#? x = 1e+3
#= {"x": 1000.0}

#? x = 1.5e-3
#= {"x": 0.0015}

#? x = 2.5e2
#= {"x": 250.0}

#? x = 1e0
#= {"x": 1.0}

#? x = 5.
#= {"x": 5.0}

#? x = 5.e2
#= {"x": 500.0}

#? x = 1.e-1
#= {"x": 0.1}

#? x = 00.5
#= {"x": 0.5}

#? x = -1e3
#= {"x": -1000.0}

#? x = +1.5
#= {"x": 1.5}

# Too small underflows to 0.0, too large overflows to infinity.
#? x = 1e-400
#= {"x": 0.0}

#? _x = 1e400 and _x > 1.7976931348623157e308
#= {}

#? x = 1.7976931348623157e308
#= {"x": 1.7976931348623157e+308}

#? x = 5e-324
#= {"x": 5e-324}

# Rounded to the nearest double.
#? x = 123456789.123456789
#= {"x": 123456789.12345679}

#? x = 0.1 + 0.2
#= {"x": 0.30000000000000004}

#? 0.1 + 0.2 == 0.3
#= none

#? 0.1 + 0.2 > 0.3
#= {}

# A float with an integral value still equals / unifies with the integer.
#? 2.0 = 2
#= {}

#? x = 2.0 and x == 2
#= {"x": 2.0}

# Float results of arithmetic.
#? x = 0.5 * 4
#= {"x": 2.0}

#? x = 1.5 - 0.5
#= {"x": 1.0}

#? x = 2.5 * -2
#= {"x": -5.0}

# Negative zero.
#? x = 0 * -1.0
#= {"x": -0.0}

#? -0.0 == 0.0
#= {}

# An exponent literal is a Float, not an Integer.
#? x = 1e3 and x matches Float
#= {"x": 1000.0}

#? x = 1e3 and x matches Integer
#~ JS host artefact: Oso's JS host maps both Integer and Float to JS Number, so any number matches both; 1e3 is the float 1000.0 and must not match Integer.
#= none

# A leading dot is not a float literal.
#? x = .5
#! ParseError::UnrecognizedToken -- did not expect to find the token '5' at line 1, column 6

# A bare `e` exponent with no digits.
#? x = 1e
#! ParseError::InvalidFloat -- 1e was parsed as a float, but is invalid at line 1, column 5
