# Conjunction and disjunction.  `or` binds looser than `and`
# (a and b or c == (a and b) or c); both bind looser than `not`.  Disjunction yields the results of each branch in
# order; a variable bound only in one branch is absent from the other
# branch's results.

f(1);
f(2);
g(2);
g(3);

#? x = 1 or x = 2
#= {"x": 1}
#= {"x": 2}

#? f(x) or g(x)
#= {"x": 1}
#= {"x": 2}
#= {"x": 2}
#= {"x": 3}

#? f(x) and g(x)
#= {"x": 2}

#? (x = 1 or x = 2) and (y = 3 or y = 4)
#= {"x": 1, "y": 3}
#= {"x": 1, "y": 4}
#= {"x": 2, "y": 3}
#= {"x": 2, "y": 4}

#? x = 1 or y = 2
#= {"x": 1}
#= {"y": 2}

#? (x = 1 or x = 2) and x > 1
#= {"x": 2}

#? false or x = 1
#= {"x": 1}

#? x = 1 or false or x = 3
#= {"x": 1}
#= {"x": 3}

#? x = 1 and (false or x = 1)
#= {"x": 1}

# Each successful branch is a separate result, even if identical.
#? (1 = 1 or 2 = 2) and 3 = 3
#= {}
#= {}

#? x = 1 or x = 1
#= {"x": 1}
#= {"x": 1}

# Precedence: `and` binds tighter than `or`.
#? x = 1 and y = 2 or z = 3
#= {"x": 1, "y": 2}
#= {"z": 3}

#? 1 = 2 and 1 = 1 or 1 = 1
#= {}

#? 1 = 1 or 1 = 1 and 1 = 2
#= {}

#? x = 1 or x = 2 and x = 2
#= {"x": 1}
#= {"x": 2}

#? x = 3 or x = 2 and x = 5
#= {"x": 3}

# `not` binds tighter than `or`.
#? not x = 1 or x = 2
#= {"x": 2}

#? x = 2 and (not x = 1 or x = 1)
#= {"x": 2}

# Disjunction in a rule body.
either(x) if x = "a" or x = "b";

#? either(x)
#= {"x": "a"}
#= {"x": "b"}

#? either("b")
#= {}

#? either("c")
#= none

# A long conjunction.
#? a = 1 and b = a + 1 and c = b + 1 and d = c + 1
#= {"a": 1, "b": 2, "c": 3, "d": 4}

# `and`/`or` with rule calls that fail produce no results.
#? f(x) and x > 5
#= none

#? f(9) or g(9)
#= none

# An error in a later branch comes after the earlier branch's results.
#? x = 1 or x = 1 mod 0
#= {"x": 1}
#! RuntimeError::ArithmeticError -- Arithmetic error: 1 mod 0 = _temp_N at line 1, column 14

#? 1 = 1 or no_such_rule()
#= {}
#! RuntimeError::QueryForUndefinedRule -- Query for undefined rule `no_such_rule`
