# hostile.polar — rules the hostile-input tests call (tests/hostile).
f(1);
f(2);
f(3);
loop(n) if loop(n + 1);
# Builds a list one element per call and never stops: a runaway term.
grow(n, l) if grow(n + 1, [n, *l]);
# Negation over a parameter bound later (Oso's inverter semantics).
g(x) if not x = 1;
count(n) if n = 0 or n > 0 and count(n - 1);
