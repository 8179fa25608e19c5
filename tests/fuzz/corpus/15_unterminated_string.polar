f("abc);
g(x) if x = "also open
