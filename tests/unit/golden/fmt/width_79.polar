# The flat rule below is 79 columns: at width 80 it stays on one line only if n <= 80.
boundary(x) if f("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") and g(x);
