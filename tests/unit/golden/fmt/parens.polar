# Written parentheses that change nothing go; needed ones stay.
redundant(x, y) if (x = 1) and ((y)) = (x + (2 * 3)) and (a.b).c = 1 and (f(x));
needed(x, y) if (x + 1) * 2 = y and x - (y - 1) = 0 and not (x = 1 or y = 2) and (a + b).c = 1;
chains(a, b, c) if (a and b) and c or (a or b);
associativity(a, b, c) if (a - b) - c = a - (b - c) and (a * b) / c = a / (b * c) and (x.y).z = x.(y);
syntax(x: (Foo), y: Foo) if x.(k) = (1).e and y matches Foo;
body(x) if (x = 1 or x = 2);
?= (f(1));
