# `new Class(args)` builds a host instance with positional arguments.
# Fixture classes: runner/fixture_classes.hpp.

make(name, u) if u = new User(name, [name]);

#? x = new Organization("acme").name
#= {"x": "acme"}

#? x = new Repository("anvil", new Organization("acme")).org.name
#= {"x": "acme"}

#? make("ann", u) and x = u.roles
#= {"u": {"$instance": "User"}, "x": ["ann"]}

#? x = new User("ann", ["a"]) and y = new User("ann", ["a"]) and x = y
#= {"x": {"$instance": "User"}, "y": {"$instance": "User"}}

# An unregistered class.
#? x = new Nope()
#! UnregisteredClassError -- Unregistered class: Nope.

# A registered constant is not a class.
#? x = new ACME()
#! UnregisteredClassError -- Unregistered class: ACME.

# Wrong number of constructor arguments.
#? x = new User("ann")
#~ JS host: a missing constructor argument is undefined; a C++ constructor has a fixed arity
#! RuntimeError::TypeError -- new User() takes 2 argument(s) but 1 were given

# Wrong type of constructor argument.
#? x = new Organization(1).name
#~ JS host: any value is accepted (1); the C++ constructor takes a string
#! RuntimeError::TypeError -- new Organization(): expected a string, got 1
