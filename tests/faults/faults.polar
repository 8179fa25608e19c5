# faults.polar — the policies of the fault tests (tests/faults/README.md).

# A normal query after every fault: `count(3) and x = 1` answers x = 1.
count(0);
count(n) if n > 0 and count(n - 1);

# The 1,000,000-element list: built by recursion, measured by recursion.
build(0, []);
build(n, [n, *t]) if n > 0 and build(n - 1, t);
len([], 0);
len([_, *t], n) if len(t, m) and n = m + 1;

# A policy that recurses forever: every call makes the same call again.
loop(x) if loop(x);

# A query that only the clock can stop: ten nested choices of ten digits,
# 10^10 paths at a constant depth, none of which succeeds.
digit(d) if d in [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
spin() if
    digit(_a) and
    digit(_b) and
    digit(_c) and
    digit(_d) and
    digit(_e) and
    digit(_f) and
    digit(_g) and
    digit(_h) and
    digit(_i) and
    digit(_j) and
    false;
