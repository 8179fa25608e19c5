# Policies that load despite looking suspicious.

# `_`, `_name` and repeated variables are not singletons.
any(_);
any2(_x, _y);
same(x, x);
twice(x) if x = x;
underscore_twice(_x, _x);

#? any(1)
#= {}

#? any2(1, 2)
#= {}

#? same(1, x)
#= {"x": 1}

#? twice(3)
#= {}

# `_x` used twice is an ordinary variable: both occurrences are the same.
#? underscore_twice(1, 1)
#= {}

#? underscore_twice(1, 2)
#= none

# `_` occurrences are all different.
#? any2(1, 2) and [_, _] = [1, 2]
#= {}

# A call with the wrong arity is not a load error (only a call to a name
# with no rules at all is); it just fails.
g(1);
calls_wrong_arity() if g();

#? calls_wrong_arity()
#= none

# forall variables used twice are not singletons.
all_g() if forall(g(x), x > 0);

#? all_g()
#= {}

# An unknown class in a specializer is only a WARNING at load ("Unknown
# specializer Foo at line N, column M" printed to stderr by the JS host
# as "[warning] ..."); using the rule raises.
uses_foo(x: Foo) if x = x;
other(1);

#? other(1)
#= {}

#? uses_foo(1)
#! UnregisteredClassError -- Unregistered class: Foo.

# Upper-case variable names are ordinary variables.
upper(X) if X = 1;

#? upper(Y)
#= {"Y": 1}

# A rule that calls a rule defined later in the file is fine.
early(x) if late(x);
late(5);

#? early(x)
#= {"x": 5}
