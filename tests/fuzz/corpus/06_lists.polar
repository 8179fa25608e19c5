head([h, *_], h);
len([], 0);
len([_, *t], n) if len(t, m) and n = m + 1;
?- x in [1, [2, 3], {a: 4}] and len([1, 2, 3], n) and head([9, 8], h)
