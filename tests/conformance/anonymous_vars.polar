# `_` is a fresh variable at every occurrence; `_name` is an ordinary
# variable (same name = same variable) that is just exempt from the
# singleton check and omitted from answers.

pair(1, 2);
pair(3, 3);
p(1);
p(2);
any(_);
both(_x, _x);
ignore2(_, _);

#? pair(_, y)
#= {"y": 2}
#= {"y": 3}

#? pair(_, _)
#= {}
#= {}

#? pair(x, _)
#= {"x": 1}
#= {"x": 3}

#? [_, _] = [1, 2]
#= {}

#? [_x, _x] = [1, 2]
#= none

#? [_x, _x] = [1, 1]
#= {}

# `_` matches anything, including unbound.
#? any(1)
#= {}

#? any([1, {a: 2}])
#= {}

#? any(x)
#= {"x": "<unbound>"}

#? both(1, 1)
#= {}

#? both(1, 2)
#= none

#? ignore2(1, 2)
#= {}

# `_`-prefixed variables are not reported, even when bound.
#? _x = 1 and y = _x + 1
#= {"y": 2}

#? _ = 1
#= {}

# `_` never carries a value from one place to another.
#? _ = 1 and _ = 2
#= {}

#? _a = 1 and _a = 2
#= none

# In a list pattern with a rest variable.
#? [_, *rest] = [1, 2, 3]
#= {"rest": [2, 3]}

#? [first, *_] = [1, 2, 3]
#= {"first": 1}

# In dictionaries.
#? {a: _, b: y} = {a: 1, b: 2}
#= {"y": 2}

# Iterating while ignoring the element.
#? _ in [1, 2, 3]
#= {}
#= {}
#= {}

# A bare `_` as a goal is bound to true like any unbound variable goal.
#? _
#= {}
