edge(1, 2); edge(2, 3); edge(3, 4); edge(2, 4);
path(a, b) if edge(a, b);
path(a, b) if edge(a, c) and path(c, b);
?- path(1, x)
