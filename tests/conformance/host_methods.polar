# Methods of host instances with 0 to 4 arguments; a boolean method can be a
# goal. Fixture classes: runner/fixture_classes.hpp.

#? x = new User("ann", []).greet()
#= {"x": "hello, ann"}

#? x = new Admin("ann", []).greet()
#= {"x": "hello, admin ann"}

#? x = new User("ann", ["reader"]).hasRole("reader")
#= {"x": true}

#? new User("ann", ["reader"]).hasRole("reader")
#= {}

#? new User("ann", ["reader"]).hasRole("writer")
#= none

#? x = new User("ann", []).add(40, 2)
#= {"x": 42}

#? x = new User("ann", []).join3("a", "b", "c")
#= {"x": "a-b-c"}

#? x = new User("ann", []).sum4(1, 2, 3, 4)
#= {"x": 10}

# Arguments are evaluated first; results can be used further.
#? x = new User("ann", []).add(1 + 1, new User("bob", []).sum4(1, 1, 1, 1))
#= {"x": 6}

#? u = new User("ann", ["a"]) and u.hasRole("a") and x = u.greet()
#= {"u": {"$instance": "User"}, "x": "hello, ann"}

# Inherited methods.
#? x = new Admin("ann", []).add(1, 2)
#= {"x": 3}

# A method call on an unbound variable is an error (a plain lookup waits, see
# host_attributes.polar).
#? x = u.greet() and u = new User("bob", [])
#! RuntimeError::Unsupported -- Not supported: cannot call method on unbound variable u at line 1, column 5

# Unknown method: an Application error naming it.
#? x = new User("ann", []).nope()
#! RuntimeError::Application -- Application error: User { name: 'ann', roles: [] }.nope is not a function at line 1, column 5

# An attribute called as a method.
#? x = new User("ann", []).name()
#! RuntimeError::Application -- Application error: User { name: 'ann', roles: [] }.name is not a function at line 1, column 5

# The method throws: the host's exception, as an Application error.
#? x = new User("ann", []).fail()
#! Error -- fixture failure

#? x = 1 or x = new User("ann", []).fail()
#= {"x": 1}
#! Error -- fixture failure

# Wrong number of arguments.
#? x = new User("ann", []).add(1)
#~ JS host: missing arguments are undefined (1 + undefined = NaN); a C++ method has a fixed arity
#! RuntimeError::TypeError -- User.add() takes 2 argument(s) but 1 were given

#? x = new User("ann", []).add(1, 2, 3)
#~ JS host: extra arguments are ignored (3); a C++ method has a fixed arity
#! RuntimeError::TypeError -- User.add() takes 2 argument(s) but 3 were given

# Wrong type of argument.
#? x = new User("ann", []).add("a", 1)
#~ JS host: no argument types ("a" + 1 = "a1"); a C++ method takes integers here
#! RuntimeError::TypeError -- User.add(): expected an integer, got "a"
