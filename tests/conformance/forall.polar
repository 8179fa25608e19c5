# forall(condition, action): succeeds once (no bindings) iff action holds
# for every solution of condition.  Empty domain: succeeds.

f(1);
f(2);
f(3);
all_positive(list) if forall(x in list, x > 0);

#? forall(f(x), x > 0)
#= {}

#? forall(f(x), x < 3)
#= none

#? forall(f(x), x < 4)
#= {}

#? forall(x in [], false)
#= {}

#? forall(1 = 2, 1 = 1)
#= {}

#? all_positive([1, 2])
#= {}

#? all_positive([])
#= {}

#? all_positive([1, -1])
#= none

# Variables of forall are not bound afterwards.
#? forall(x = 1, x = 1)
#= {}

#? forall(x = 1, y = 2)
#= {}

# Nested quantification via `in` in the action.
#? forall(x in [1, 2], y in [1, 2] and x = y)
#= {}

#? forall(x in [1, 2], y in [3] and x = y)
#= none

# Succeeds once even when the action has several solutions.
#? forall(f(x), f(y) and y >= x)
#= {}

# Outer bindings are visible inside.
#? n = 2 and forall(x in [2, 2], x = n)
#= {"n": 2}

#? n = 2 and forall(x in [2, 3], x = n)
#= none

# An unbound outer variable is bound separately for each solution (the
# bindings do not leak between iterations or out of forall).
#? forall(x in [1, 2], x = y)
#= {}

# Over dictionary pairs.
#? forall([k, v] in {a: 1, b: 2}, v > 0)
#= {}

#? forall([_k, v] in {a: 1, b: -2}, v > 0)
#= none

# Errors in the action propagate.
#? forall(f(x), x mod 0 = 1)
#! RuntimeError::ArithmeticError -- Arithmetic error: 1 mod 0 = _temp_N at line 1, column 14

# A condition that calls an undefined rule is an error.
#? forall(no_such_rule(x), x > 0)
#! RuntimeError::QueryForUndefinedRule -- Query for undefined rule `no_such_rule`
