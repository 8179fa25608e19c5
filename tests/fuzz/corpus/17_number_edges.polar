big(9223372036854775807);
small(-9223372036854775807);
f(1e10); f(-0.0); f(3.25e-3);
?- big(b) and small(s) and x = b + 1 or y = s - 2 or z = 1 / 0 or w = 7 mod 0
