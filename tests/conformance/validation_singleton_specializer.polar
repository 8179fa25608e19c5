# A specializer does not count as a use: `f(x: Integer);` has a singleton.

f(x: Integer);

#!load ValidationError::SingletonVariable 3:3
