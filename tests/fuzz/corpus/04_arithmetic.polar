double(x, y) if y = x * 2;
mix(x, y) if y = (x + 3) / 2 - x mod 3 + x rem 2;
?- double(21, y) and mix(y, z) and w = 0 - z * 1.5 and v = -2
