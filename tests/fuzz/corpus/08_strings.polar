greeting("hello, \"world\"\n");
tab("a\tb\\c");
unicode("π ≈ 3.14 — ok");
?- greeting(g) and tab(t) and unicode(u)
