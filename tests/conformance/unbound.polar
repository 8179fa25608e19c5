# Operations on unbound variables.  Oso does not raise an error when a
# comparison, arithmetic, `matches`, `in` or a lookup meets an unbound
# variable: it records a CONSTRAINT on the variable (partial evaluation)
# and re-checks it when the variable is bound later.  If a variable still
# carries constraints when a result is produced:
#   - a query variable's value is an Expression, which Oso's JS host
#     refuses: UnexpectedExpressionError ("Received Expression from
#     Polar VM. ...");
#   - any other variable: RuntimeError::UnhandledPartial ("Found an
#     unhandled partial in the query result: _x_N").
# A few combinations hit Oso bugs; those cases are marked #~ with the
# answer a constraint-free evaluation gives.

above(y) if y > 1;
hidden() if x > 1 and x = x;

# Constraint first, binding later: checked at binding time.
#? x > 1 and x = 2
#= {"x": 2}

#? x > 1 and x = 0
#= none

#? x != 1 and x = 2
#= {"x": 2}

#? x != 1 and x = 1
#= none

#? x == 1 and x = 1
#= {"x": 1}

#? x < y and x = 1 and y = 2
#= {"x": 1, "y": 2}

#? x > 1 and x in [1, 2, 3]
#= {"x": 2}
#= {"x": 3}

#? x matches Integer and x = 1
#= {"x": 1}

#? x matches Integer and x = "a"
#= none

#? x matches String and x = "a"
#= {"x": "a"}

#? x matches Dictionary and x = {k: 1}
#= {"x": {"k": 1}}

#? above(y) and y = 5
#= {"y": 5}

#? above(y) and y = 0
#= none

# Binding first (the ordinary case) for comparison.
#? y = 1 and x = y + 1
#= {"y": 1, "x": 2}

# Constraints left on a query variable.
#? x > 1
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

#? x == 1
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

#? x + 1 = 2
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

#? x matches Integer
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

#? 1 in x
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

#? x.a = 1
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

#? above(y)
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

# Constraints left on a variable that is not in the query.
#? hidden()
#! RuntimeError::UnhandledPartial -- Found an unhandled partial in the query result: _x_N

#? _x > 1
#! RuntimeError::UnhandledPartial -- Found an unhandled partial in the query result: _x

# Oso bugs: deferred arithmetic, dictionary patterns and lookups on a
# variable that is bound later.
#? x = y + 1 and y = 1
#~ Oso bug: deferring `y + 1` and binding y later raises OperationalError::UnexpectedValue "Unexpected value."; evaluating once y is known gives x = 2.
#= {"x": 2, "y": 1}

#? x matches {k: 1} and x = {k: 1}
#~ Oso bug: the deferred dictionary-pattern constraint (x.k = 1) rejects every later binding, so Oso answers none; {k: 1} matches {k: 1}.
#= {"x": {"k": 1}}

#? x.a = 1 and x = {a: 1}
#~ Oso bug: the deferred lookup constraint rejects the later binding, so Oso answers none; {a: 1}.a is 1.
#= {"x": {"a": 1}}
