# `matches` and specializers on host classes follow inheritance (Admin is a
# User); among applicable rules, a subclass's rule comes before its base's,
# in MRO order. Fixture classes: runner/fixture_classes.hpp.

kind(_x: User, "user");
kind(_x: Admin, "admin");
kind(_x, "any");
kind(_x: Organization, "org");
kind(_x: User{name: "ann"}, "user ann");

greeting(u: User, g) if g = u.greet();

#? new User("ann", []) matches User
#= {}

#? new Admin("ann", []) matches User
#= {}

#? new User("ann", []) matches Admin
#= none

#? new Organization("o") matches User
#= none

#? 1 matches User
#= none

#? new User("ann", []) matches User{name: "ann"}
#= {}

#? new Admin("ann", []) matches User{name: "bob"}
#= none

#? new User("ann", ["r"]) matches User{roles: ["r"]}
#= {}

#? new User("ann", []) matches {name: "ann"}
#= {}

#? kind(new Admin("bob", []), k)
#= {"k": "admin"}
#= {"k": "user"}
#= {"k": "any"}

#? kind(new User("bob", []), k)
#= {"k": "user"}
#= {"k": "any"}

#? kind(new User("ann", []), k)
#= {"k": "user ann"}
#= {"k": "user"}
#= {"k": "any"}

#? kind(new Admin("ann", []), k)
#= {"k": "admin"}
#= {"k": "user ann"}
#= {"k": "user"}
#= {"k": "any"}

#? kind(ACME, k)
#= {"k": "org"}
#= {"k": "any"}

#? greeting(new Admin("cat", []), g)
#= {"g": "hello, admin cat"}

#? greeting(ACME, g)
#= none
