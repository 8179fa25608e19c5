# The flat rule below is 81 columns: at width 80 it stays on one line only if n <= 80.
boundary(x) if f("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") and g(x);
