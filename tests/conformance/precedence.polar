# Operator precedence, tightest first:
#   .  (lookup)
#   in, matches
#   * / mod rem            (left-assoc)
#   + -                    (left-assoc)
#   == != < <= > >=        (non-associative; result is not a value)
#   = :=                   (non-associative)
#   not
#   and
#   or
# Anything that is not a value (comparison, unification, in, matches)
# used where a value is needed is ParseError::WrongValueType.

#? x = 2 * 3 + 4 * 5
#= {"x": 26}

#? x = 1 - 2 + 3
#= {"x": 2}

#? x = 3 - 2 - 1
#= {"x": 0}

#? x = 8 / 4 * 2
#= {"x": 4.0}

#? x = 2 * 3 mod 4 rem 3
#= {"x": 2}

#? x = 2 * -1
#= {"x": -2}

#? x = 1 + +1
#= {"x": 2}

#? d = {a: 2} and x = d.a * 3
#= {"d": {"a": 2}, "x": 6}

#? d = {a: [1]} and 1 in d.a
#= {"d": {"a": [1]}}

#? d = {a: 1} and d.a matches Integer
#= {"d": {"a": 1}}

#? 1 + 2 == 3 and 2 < 3
#= {}

# Comparisons and unifications do not chain.
#? 1 < 2 < 3
#! ParseError::WrongValueType -- Wrong value type: 1 < 2. Expected a value at line 1, column 1

#? 1 == 1 == 1
#! ParseError::WrongValueType -- Wrong value type: 1 == 1. Expected a value at line 1, column 1

#? x = 1 == 1
#! ParseError::WrongValueType -- Wrong value type: 1 == 1. Expected a value at line 1, column 5

#? x = y = 1
#! ParseError::WrongValueType -- Wrong value type: x = y. Expected a value at line 1, column 1

#? x := 1 = 1
#! ParseError::WrongValueType -- Wrong value type: x := 1. Expected a value at line 1, column 1

# `in` and `matches` bind tighter than arithmetic.
#? 1 + 1 in [2]
#! ParseError::WrongValueType -- Wrong value type: 1 in [2]. Expected a value at line 1, column 5

#? x = 2 and x in [1, 1 + 1]
#= {"x": 2}

# not > and > or
#? not 1 = 2 or 1 = 2
#= {}

#? not 1 = 1 and 2 = 2
#= none

#? (x = 1 or x = 2) and not x = 1
#= {"x": 2}

#? x = 1 or x = 2 and not x = 1
#= {"x": 1}
#= {"x": 2}

#? 1 = 2 and 1 = 1 or 1 = 1
#= {}

#? x = 1 and y = 2 or z = 3
#= {"x": 1, "y": 2}
#= {"z": 3}

# Parentheses override.
#? x = (1 + 2) * 3
#= {"x": 9}

#? x = 1 and (y = 2 or y = 3)
#= {"x": 1, "y": 2}
#= {"x": 1, "y": 3}

#? not (1 = 1 and 1 = 2)
#= {}
