# With several singletons, only the first in source order is reported
# (x here, not y or z).

f(x) if y = 1 and z = 2;

#!load ValidationError::SingletonVariable 4:3
