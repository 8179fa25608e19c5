f(x if (x = [1, 2 and {a: 1;
g(x)) if ]] x;
?- f(
