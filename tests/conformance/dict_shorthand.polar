# Dictionary shorthand `{a}` means `{a: a}`.

#? a = 1 and x = {a}
#= {"a": 1, "x": {"a": 1}}

#? a = 1 and b = 2 and x = {a, b}
#= {"a": 1, "b": 2, "x": {"a": 1, "b": 2}}

#? a = 1 and b = 2 and x = {a, b, c: 3}
#= {"a": 1, "b": 2, "x": {"a": 1, "b": 2, "c": 3}}

#? b = 2 and x = {a: 1, b}
#= {"b": 2, "x": {"a": 1, "b": 2}}

# Shorthand in a pattern binds the variable of the same name.
#? {a, b} = {a: 1, b: 2}
#= {"a": 1, "b": 2}

#? {x} = {x: [1, 2]} and [first, *_] = x
#= {"x": [1, 2], "first": 1}

# Shorthand keys must match exactly, like any dictionary.
#? {a} = {a: 1, b: 2}
#= none

# Shorthand in a rule head.
point({x, y}, x, y);

#? point({x: 3, y: 4}, px, py)
#= {"px": 3, "py": 4}

#? point(p, 5, 6)
#= {"p": {"x": 5, "y": 6}}

# Shorthand with a variable that is bound later sees the later binding.
#? x = {a} and a = "later"
#= {"x": {"a": "later"}, "a": "later"}

# In a dictionary pattern after `matches`.
#? a = 1 and {a: 1, b: 2} matches {a}
#= {"a": 1}

#? {a: 1, b: 2} matches {a}
#= {"a": 1}
