# Commas, exactly as Oso's grammar has them. Lists, dictionaries, patterns
# and keyword arguments are lists in which each element after a comma is
# optional: a trailing comma, and even repeated commas, are fine (`[1,, 2,]`
# is [1, 2]), but the first element cannot be missing (`[,1]`) and nothing
# follows a rest variable. Positional arguments of a call, `new` or a method
# take no trailing comma (`f(1,)` is an error); `print` takes one. Rule heads
# take none either (parse_error_trailing_comma_*.polar); resource blocks
# follow lists and dictionaries (resource_blocks_commas.polar).

#? x = [1, 2,]
#= {"x": [1, 2]}

#? x = [1,, 2,,]
#= {"x": [1, 2]}

#? x = [1,, *r]
#= {"x": [1, "*<unbound>"]}

#? x = [,1]
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 6

#? x = [,]
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 6

#? x = [*r,]
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 8

#? x = [1, *r,]
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 11

#? x = {a: 1,, b: 2,}
#= {"x": {"a": 1, "b": 2}}

#? a = 1 and b = 2 and x = {a,, b,}
#= {"a": 1, "b": 2, "x": {"a": 1, "b": 2}}

#? x = {,}
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 6

#? x = {, a: 1}
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 6

#? [1,, 2] matches [1,, 2,]
#= {}

#? {a: 1} matches {a: 1,,}
#= {}

#? print(1,)
#= {}

#? print(1,,)
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 9

#? print(,)
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 7

# Calls: a comma after a positional argument needs an argument after it.
g(1, 2);

#? g(1, 2)
#= {}

#? g(1, 2,)
#! ParseError::UnrecognizedToken -- did not expect to find the token ')' at line 1, column 8

#? g(1,, 2)
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 5

#? g(,)
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 3

#? u = new User("ann", ["a"],)
#! ParseError::UnrecognizedToken -- did not expect to find the token ')' at line 1, column 27

#? u = new User("ann", ["a"]) and u.hasRole("a",)
#! ParseError::UnrecognizedToken -- did not expect to find the token ')' at line 1, column 46

#? u = new User("ann", ["a"]) and u.add(1, 2,)
#! ParseError::UnrecognizedToken -- did not expect to find the token ')' at line 1, column 43

#? forall(x in [1], x = 1,)
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 23

# Keyword arguments are like dictionary fields (Oso's JS host then refuses
# keyword arguments at run time; parsing them is what is checked here).
#? x = y.f(1, a: 1,, b: 2,)
#! RuntimeError::Unsupported -- Not supported: cannot call method on unbound variable y at line 1, column 5

#? x = y.f(1,, a: 2)
#! ParseError::UnrecognizedToken -- did not expect to find the token ',' at line 1, column 11
