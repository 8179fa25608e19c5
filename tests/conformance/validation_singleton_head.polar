# A variable that occurs only once in a rule is an ERROR in Oso 0.27
# (not a warning): ValidationError::SingletonVariable "Singleton variable
# x is unused or undefined; try renaming to _x or _ at line 5, column 3".

f(x);

#!load ValidationError::SingletonVariable 5:3
