# print(args...) writes one line to stdout: the arguments after
# evaluation (arithmetic, lookups), in Polar syntax, separated by ", ".
# Strings are quoted but NOT escaped; floats use Rust's Display (1.0 ->
# 1, 1e20 -> 100000000000000000000, 1/0 -> inf, 0/0 -> NaN); dictionary
# keys are sorted; unbound variables print as their (possibly renamed)
# name.  print succeeds exactly once with no bindings.  The expected
# stdout of each case is given in a `prints:` comment (the runner does
# not check it).

show(x) if print("x is", x);
show_unbound() if print(y) and y = 1;

# prints: "hello"
#? print("hello")
#= {}

# prints: 1, 2.5, 1, -3
#? print(1, 2.5, 1.0, -3)
#= {}

# prints: 100000000000000000000, 0.1, 0.0000001
#? print(1e20, 0.1, 1e-7)
#= {}

# prints: true, false
#? print(true, false)
#= {}

# prints: [1, "a", [true, false]]
#? print([1, "a", [true, false]])
#= {}

# prints: {a: "x", b: 1}
#? print({b: 1, a: "x"})
#= {}

# prints: {a: {b: [1]}}
#? print({a: {b: [1]}})
#= {}

# prints: {}, []
#? print({}, [])
#= {}

# prints: ""
#? print("")
#= {}

# prints: "a"b"   (no escaping)
#? print("a\"b")
#= {}

# prints an empty line
#? print()
#= {}

# prints: x
#? print(x)
#= {}

# prints: x, y
#? print(x, y)
#= {}

# prints: 1
#? x = 1 and print(x)
#= {"x": 1}

# prints: 3
#? print(1 + 2)
#= {}

# prints: 6   (the float 6.0)
#? print(2 * 3.0)
#= {}

# prints: [1, y]
#? x = [1, y] and print(x)
#= {"x": [1, "<unbound>"]}

# prints: [1, *r]
#? print([1, *r])
#= {}

# prints: "x is", 42
#? show(42)
#= {}

# prints: _y_N   (the renamed rule variable; N is a counter)
#? show_unbound()
#= {}

# prints: 1 then 2 (one line per result)
#? x in [1, 2] and print(x)
#= {"x": 1}
#= {"x": 2}

# prints: 1 then 2
#? print(1) and print(2)
#= {}

# prints: 1 then 2; two results
#? print(1) or print(2)
#= {}
#= {}

# prints: 1; `not` of print fails
#? not print(1)
#= none

# prints: inf
#? print(1 / 0)
#= {}

# prints: NaN
#? print(0 / 0)
#= {}

# prints: -0
#? print(-0.0)
#= {}

# prints: 1
#? print({a: 1}.a)
#= {}

# prints: 9007199254740993
#? print(9007199254740993)
#= {}

# prints: -9223372036854775808
#? print(-9223372036854775807 - 1)
#= {}

# An error while evaluating an argument is raised; nothing is printed.
#? print(1 mod 0)
#! RuntimeError::ArithmeticError -- Arithmetic error: 1 mod 0 = _temp_N at line 1, column 7

# Arguments must be values, not goals.
#? print(x = 1)
#! ParseError::WrongValueType -- Wrong value type: x = 1. Expected a value at line 1, column 7

#? print(f(1))
#! ParseError::WrongValueType -- Wrong value type: f(1). Expected a value at line 1, column 7

#? print(1 in [1])
#! ParseError::WrongValueType -- Wrong value type: 1 in [1]. Expected a value at line 1, column 7
