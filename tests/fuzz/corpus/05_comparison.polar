between(lo, x, hi) if lo <= x and x < hi;
same(a, b) if a == b and not a != b;
?- between(1, 2, 3) and same("a", "a") and 2.5 > 2 and 1 >= 1.0
