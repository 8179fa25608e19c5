# Singletons nested in lists and dictionaries are found as well.

f([1, {a: x}]);

#!load ValidationError::SingletonVariable 3:11
