# `x := value` binds x, which must have no binding at all; otherwise a
# TypeError "Can only assign to unbound variables, x is not unbound."
# Note a rule parameter is always bound (at least to the caller's
# variable), so `:=` on a parameter always fails with a TypeError.  The
# left side must be a variable (parse error otherwise).

#? x := 1
#= {"x": 1}

#? x := 2 + 3 * 4
#= {"x": 14}

#? x := [1, 2]
#= {"x": [1, 2]}

#? x := {a: 1}
#= {"x": {"a": 1}}

#? x := "s" and y := x
#= {"x": "s", "y": "s"}

#? x := 1 and y := x + 1
#= {"x": 1, "y": 2}

#? x := 1 and x = 1
#= {"x": 1}

#? x := 1 and x == 1
#= {"x": 1}

#? x := 1 and x = 2
#= none

# Assigning to a variable that is already bound is an error, even with
# the same value.
#? x := 1 and x := 2
#! RuntimeError::TypeError -- Type error: Can only assign to unbound variables, x is not unbound. at line 1, column 12

#? x := "a" and x := "a"
#! RuntimeError::TypeError -- Type error: Can only assign to unbound variables, x is not unbound. at line 1, column 14

#? x = 1 and x := 2
#! RuntimeError::TypeError -- Type error: Can only assign to unbound variables, x is not unbound. at line 1, column 11

# Aliasing two unbound variables, then binding one.
#? x := y and y = 3
#= {"x": 3, "y": 3}

# Each `or` branch starts from the same state.
#? x := 1 or x := 2
#= {"x": 1}
#= {"x": 2}

# Anonymous variables.
#? _ := 1
#= {}

#? _x := 1
#= {}

# Inside `not`.
#? not x := 1
#= none

# In rule bodies: local variables can be assigned...
next(x, y) if z := x + 1 and y = z;
bigger(x) if y := x + 1 and y > 2;

#? next(1, y)
#= {"y": 2}

#? bigger(2)
#= {}

#? bigger(1)
#= none

# ...but parameters cannot, even when the caller passes an unbound variable.
param(x) if x := 2;

#? param(y)
#! RuntimeError::TypeError -- Type error: Can only assign to unbound variables, _x_N is not unbound. at line 79, column 13 of file assign.polar

#? param(2)
#! RuntimeError::TypeError -- Type error: Can only assign to unbound variables, _x_N is not unbound. at line 79, column 13 of file assign.polar

# The left side must be a variable.
#? 1 := 1
#! ParseError::UnrecognizedToken -- did not expect to find the token ':=' at line 1, column 3

#? x.a := 1
#! ParseError::UnrecognizedToken -- did not expect to find the token ':=' at line 1, column 5
