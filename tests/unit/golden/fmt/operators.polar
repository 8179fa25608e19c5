arith(x, y) if y = x+1*2-3/4 mod 5 rem 6;
grouped(x, y) if y = (x + 1) * 2 and z = x - (y - 1) and w = -1 and v = - 2.5;
compare(a, b) if a==b and a!=1 and a<b and a<=b and a>b and a>=b;
assign(x) if y := x and y = x;
member(x, xs) if x in xs and x matches Integer and xs.length > 0;
lookup(u) if u.profile.name = "x" and u.method(1, 2).field = u.("key") and u.(k) = 1;
keywords(x) if x.type = "t" and x.in = 1;
