# Dot lookup on dictionaries: d.key, chained d.a.b.
# Lookups on other built-in values are host calls in Oso (see notes).

#? d = {a: 1} and x = d.a
#= {"d": {"a": 1}, "x": 1}

#? d = {a: {b: {c: "deep"}}} and x = d.a.b.c
#= {"d": {"a": {"b": {"c": "deep"}}}, "x": "deep"}

#? x = {a: 1}.a
#= {"x": 1}

# A missing key makes the lookup fail (no error).
#? d = {a: 1} and x = d.b
#= none

#? d = {a: 1} and d.b = 1
#= none

#? d = {a: {b: 1}} and x = d.a.c
#= none

# Lookup used in comparisons and arithmetic.
#? d = {a: 1} and d.a = 1
#= {"d": {"a": 1}}

#? d = {a: 1} and d.a = 2
#= none

#? d = {n: 5} and d.n > 3
#= {"d": {"n": 5}}

#? d = {n: 5} and x = d.n * 2
#= {"d": {"n": 5}, "x": 10}

# Lookup of a list field, then iteration.
#? d = {xs: [1, 2]} and x in d.xs
#= {"d": {"xs": [1, 2]}, "x": 1}
#= {"d": {"xs": [1, 2]}, "x": 2}

# Lookup inside a rule body.
name_of(p, n) if n = p.name;

#? name_of({name: "ann", age: 3}, n)
#= {"n": "ann"}

#? name_of({age: 3}, n)
#= none

# A lookup whose value is nil.
#? d = {a: nil} and x = d.a
#= {"d": {"a": null}, "x": null}

# Parenthesised string key.
#? d = {a: 1} and x = d.("a")
#= {"d": {"a": 1}, "x": 1}

# A key held in a variable.
#? d = {a: 1} and k = "a" and x = d.(k)
#= {"d": {"a": 1}, "k": "a", "x": 1}

#? d = {a: 1} and x = d.("b")
#= none

# An unbound key variable enumerates the keys, in key order.
#? d = {b: 2, a: 1} and x = d.(k)
#= {"d": {"a": 1, "b": 2}, "x": 1, "k": "a"}
#= {"d": {"a": 1, "b": 2}, "x": 2, "k": "b"}

# Lookups on booleans are type errors.
#? x = true.a
#! RuntimeError::TypeError -- Type error: can only perform lookups on dicts and instances, this is true at line 1, column 5

# Lookups on integers are sent to the host (Oso's JS host raises an
# application error; the kind is what matters).
#? x = 1 and y = x.a
#! RuntimeError::Application -- Application error: Cannot use 'in' operator to search for 'a' in 1 at line 1, column 15

# Lookup of a missing key on nil is an application error too.
#? x = nil.a
#! RuntimeError::Application -- Application error: a not found on null. at line 1, column 5
