# A singleton variable in a rule body is also an error.

f() if x = 1;

#!load ValidationError::SingletonVariable 3:8
