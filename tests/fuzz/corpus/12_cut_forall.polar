first(x) if x in [1, 2, 3] and cut;
all_positive(l) if forall(x in l, x > 0);
assign(y) if x := 5 and y = x;
?- first(x) and all_positive([1, 2]) and not all_positive([1, -2]) and assign(y)
