# Ported from Oso 0.27.3 (tag v0.27.3) languages/python/oso/tests/test_polar.py test_load_and_query; languages/js/src/Polar.test.ts; languages/ruby polar_spec.rb.
# An inline query that fails.

g(1);
?= g(2);

#!load InlineQueryFailedError 5:4
