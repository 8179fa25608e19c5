# Unification with `=`: binds variables, compares structure.

#? 1 = 1
#= {}

#? 1 = 2
#= none

#? x = 1
#= {"x": 1}

#? 1 = x
#= {"x": 1}

#? x = 1 and x = 1
#= {"x": 1}

#? x = 1 and x = 2
#= none

#? x = 1 and y = x
#= {"x": 1, "y": 1}

# Integer and float unify by numeric value.
#? 1 = 1.0
#= {}

#? 1.0 = 1
#= {}

#? x = 1 and x = 1.0
#= {"x": 1}

#? 2 = 2.5
#= none

# Values of different types never unify.
#? 1 = "1"
#= none

#? "a" = "a"
#= {}

#? "a" = "A"
#= none

#? true = true
#= {}

#? true = false
#= none

#? true = 1
#= none

#? [] = {}
#= none

#? "" = []
#= none

# Lists unify element-wise; lengths must agree.
#? [1, 2] = [1, 2]
#= {}

#? [1, 2] = [2, 1]
#= none

#? [1, 2] = [1, 2, 3]
#= none

#? [x, 2] = [1, y]
#= {"x": 1, "y": 2}

#? [1, [x, 3]] = [1, [2, y]]
#= {"x": 2, "y": 3}

#? [1] = [1.0]
#= {}

# Dictionaries unify only when they have exactly the same keys.
#? {a: 1, b: 2} = {b: 2, a: 1}
#= {}

#? {a: 1} = {a: 1, b: 2}
#= none

#? {a: 1, b: 2} = {a: 1}
#= none

#? {a: x} = {a: 1}
#= {"x": 1}

#? {a: {b: x}} = {a: {b: [1]}}
#= {"x": [1]}

#? {} = {}
#= {}

# Variable-to-variable: later binding is seen through both.
#? x = y and y = 3
#= {"x": 3, "y": 3}

#? x = y and y = z and z = "deep"
#= {"x": "deep", "y": "deep", "z": "deep"}

#? x = [y] and y = 2
#= {"x": [2], "y": 2}

# A list bound through a variable can be destructured later.
#? x = [1, y] and y = 2 and x = [a, b]
#= {"x": [1, 2], "y": 2, "a": 1, "b": 2}

# Both sides bound to structures with shared variables.
#? [x, x] = [1, 1]
#= {"x": 1}

#? [x, x] = [1, 2]
#= none

#? [x, y, x] = [1, 2, 1]
#= {"x": 1, "y": 2}

# Unifying a variable with itself succeeds.
#? x = x
#= {}

#? x = x and x = 4
#= {"x": 4}
