# Instances compare with the host's equality: Oso's JS host uses lodash's
# isEqual (same class, equal fields); the C++ fixture classes define
# operator== the same way. Fixture classes: runner/fixture_classes.hpp.

same(x, x);

#? new User("ann", ["a"]) = new User("ann", ["a"])
#= {}

#? new User("ann", ["a"]) == new User("ann", ["a"])
#= {}

#? new User("ann", ["a"]) = new User("ann", ["b"])
#= none

#? new User("ann", []) != new User("bob", [])
#= {}

#? new Organization("acme") = ACME
#= {}

#? new Organization("other") == ACME
#= none

#? u = new User("ann", []) and u = u
#= {"u": {"$instance": "User"}}

#? same(new Organization("acme"), ACME)
#= {}

#? new Repository("anvil", ACME).org = ACME
#= {}

#? x = new User("ann", []) and x = y and y.name = n
#= {"x": {"$instance": "User"}, "y": {"$instance": "User"}, "n": "ann"}

#? new User("ann", []) = "ann"
#= none

#? new User("ann", []) == new Admin("ann", [])
#= none
