# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs test_singleton_vars.
# x is used once.

f(x, y, z) if y = z;

#!load ValidationError::SingletonVariable 4:3
