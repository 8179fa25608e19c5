# Negation as failure: `not G` succeeds (with no new bindings) iff G has
# no solutions.  With unbound variables it is not a constraint generator
# at the top level: `not f(x)` with x unbound simply fails if f has any
# fact.

f(1);
f(2);
outside(x) if not f(x);
later(x) if x = 3 and not f(x);

#? not f(1)
#= none

#? not f(3)
#= {}

#? not f(x)
#= none

#? x = 3 and not f(x)
#= {"x": 3}

# Order matters: x is still unbound when `not` runs.
#? not f(x) and x = 3
#= none

#? outside(3)
#= {}

#? outside(1)
#= none

#? later(x)
#= {"x": 3}

# Through a rule parameter, negation over an unbound variable leaves a
# constraint (Oso's inverter keeps constraints on variables that were
# partial, here tied to the parameter, where the `not` began). Bound later,
# it decides; never bound, it is a partial result Oso's hosts refuse.
#? outside(x)
#~ Oso's JS host refuses the partial with UnexpectedExpressionError; we end the query with RuntimeError::UnhandledPartial
#! RuntimeError::UnhandledPartial -- the query left a constraint that was never resolved: not f(x) (_N is still unbound)

#? outside(x) and x = 3
#= {"x": 3}

#? outside(x) and x = 1
#= none

#? not (x = 1 and y = 2)
#= none

#? not x = 1 and x = 2
#= none

#? x = 2 and not x = 1
#= {"x": 2}

#? not (f(x) and x > 1)
#= none

#? not (f(x) and x > 5)
#= {}

#? not (x = 1 or x = 2)
#= none

#? x = 5 and not (x = 1 or x = 2)
#= {"x": 5}

# `not` binds tighter than `and`.
#? not 1 = 1 and 2 = 2
#= none

#? not 1 = 2 and 2 = 2
#= {}

#? not 1 == 2
#= {}

# Double negation needs parentheses.
#? not (not f(1))
#= {}

#? not (not f(7))
#= none

#? not not f(1)
#! ParseError::UnrecognizedToken -- did not expect to find the token 'not' at line 1, column 5

# Bindings made inside `not` do not escape.
#? not (x = 1 and x = 2) and y = x
#= {"x": "<unbound>", "y": "<unbound>"}

# Errors inside `not` propagate.
#? not undefined_rule()
#! RuntimeError::QueryForUndefinedRule -- Query for undefined rule `undefined_rule`

#? not (x = 1 / 1 and y = 1 mod 0)
#! RuntimeError::ArithmeticError -- Arithmetic error: 1 mod 0 = _temp_N at line 1, column 24
