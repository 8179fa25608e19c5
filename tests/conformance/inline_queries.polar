# Inline queries `?= goal;` run when the policy is loaded, after all its
# rules are added (so they may use rules defined later in the file), in
# REVERSE source order.  Each must have at least one result; a failing
# one makes loading fail (see inline_query_*.polar).  They print with
# print() like any query.  This file's inline queries all succeed.

?= f(1);
f(1);
f(2);
?= f(2);
?= f(x) and x > 1;
?= 1 = 1;
?= x = 1 or x = 2;
?= not f(3);
?= forall(f(x), x > 0);
?= x = 1 / 0;
?= g(_) and cut;
g(_y);

# The rules are loaded normally.
#? f(x)
#= {"x": 1}
#= {"x": 2}

# g(_y) is an ordinary fact.
#? g(1)
#= {}
