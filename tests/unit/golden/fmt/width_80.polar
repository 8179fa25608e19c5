# The flat rule below is 80 columns: at width 80 it stays on one line only if n <= 80.
boundary(x) if f("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa") and g(x);
