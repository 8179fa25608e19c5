# The sound tests' stimulus: two stretches a listener can tell apart.
#
# shallow/1 walks a list with `in`: the stack stays 1–2 rule bodies deep while
# every element makes a choice point, a leaf call and a backtrack — busy, low.
# deep/1 recurses: each level is one more active rule body, so the stack
# climbs to N and unwinds — the depth voice should rise in pitch with it.
leaf(x) if x >= 0;
shallow(n) if
    x in [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16] and
    x > n and
    leaf(x);

deep(0);
deep(n) if n > 0 and deep(n - 1);
