# `cut` commits to the choices made so far in the current rule body:
# later alternatives of goals before the cut, and later clauses of the
# same rule, are discarded.  Goals after the cut still backtrack.

f(1);
f(2);
f(3);

first(x) if f(x) and cut;
first_big(x) if f(x) and x > 1 and cut;
after_cut(x, y) if f(x) and cut and f(y);

#? first(x)
#= {"x": 1}

#? first_big(x)
#= {"x": 2}

#? after_cut(x, y)
#= {"x": 1, "y": 1}
#= {"x": 1, "y": 2}
#= {"x": 1, "y": 3}

# Cut discards the later clauses of the same rule.
choice(x) if x = 1;
choice(x) if cut and x = 2;
choice(x) if x = 3;

#? choice(x)
#= {"x": 1}
#= {"x": 2}

# ...but only of the rule it appears in, not of the caller.
wrap(x) if choice(x);
wrap(x) if x = 4;

#? wrap(x)
#= {"x": 1}
#= {"x": 2}
#= {"x": 4}

# A cut whose goal then fails makes the whole rule fail.
cut_fail(x) if f(x) and cut and x = 2;

#? cut_fail(x)
#= none

# Cut inside `or`: cuts the whole rule body, including the other branch.
in_or(x) if f(x) and cut or x = 9;

#? in_or(x)
#= {"x": 1}

# Cut inside `not` works on the negated goal's choices (f(2) is never
# tried, so the body fails and `not` succeeds) and does not reach the
# rule's other clauses.
in_not() if not (f(x) and cut and x = 2);
in_not() if 1 = 1;

#? in_not()
#= {}
#= {}

# Cut inside forall's action is local to the action: every x is
# still checked.
in_forall() if forall(f(x), x > 0 and cut);
in_forall2() if forall(f(x), cut and x < 2);

#? in_forall()
#= {}

#? in_forall2()
#= none

# A rule that calls a cutting rule gets one answer from it, but its own
# other clauses are unaffected.
caller(x) if first(x);
caller(x) if x = 7;

#? caller(x)
#= {"x": 1}
#= {"x": 7}

# Cut at the top level of a query.
#? f(x) and cut
#= {"x": 1}

#? f(x) and cut and x > 1
#= none

#? f(x) and x > 1 and cut
#= {"x": 2}

#? f(x) and cut or x = 0
#= {"x": 1}

#? f(x) and (cut or 1 = 1)
#= {"x": 1}

#? x = 1 and cut and y = 2
#= {"x": 1, "y": 2}

# `cut` itself succeeds once.
#? not cut
#= none

# With cut, the specificity ordering decides which clause wins.
pick(_x: Integer, "int") if cut;
pick(_x, "any");

#? pick(1, r)
#= {"r": "int"}

#? pick("s", r)
#= {"r": "any"}
