# Class methods: `Class.method(args)` calls a static method of a registered
# class. Fixture classes: runner/fixture_classes.hpp.

#? x = User.kind()
#= {"x": "user"}

#? x = User.create("bob").name
#= {"x": "bob"}

#? x = User.create("bob")
#= {"x": {"$instance": "User"}}

#? u = User.create("bob") and u.hasRole("reader")
#= none

# A class method the class does not have: an Application error.
#? x = User.nope()
#! RuntimeError::Application -- Application error: [class User].nope is not a function at line 1, column 5

#? x = Organization.kind()
#! RuntimeError::Application -- Application error: [class Organization].kind is not a function at line 1, column 5
