# Variables inside `not` count too: x below is a singleton.

g(1);
f() if not g(x);

#!load ValidationError::SingletonVariable 4:14
