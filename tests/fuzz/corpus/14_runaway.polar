# endless recursion: must stop at a limit, never hang or crash
loop(x) if loop(x);
count(n) if count(n + 1);
?- loop(1) or count(0)
