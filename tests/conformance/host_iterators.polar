# `in` over a host method's iterator pulls one element at a time: an
# endless one works as long as the query stops asking. Lists from the host
# are ordinary lists. Fixture classes: runner/fixture_classes.hpp.

#? x in new User("ann", ["reader", "writer"]).roleNames()
#= {"x": "reader"}
#= {"x": "writer"}

#? "writer" in new User("ann", ["reader", "writer"]).roleNames()
#= {}

#? "admin" in new User("ann", ["reader", "writer"]).roleNames()
#= none

#? x in new User("ann", []).roleNames()
#= none

#? x in new User("ann", []).naturals() and x > 2 and cut
#= {"x": 3}

#?[limit=3] x in new User("ann", []).naturals()
#= {"x": 0}
#= {"x": 1}
#= {"x": 2}

#? x in new User("ann", ["reader", "writer"]).roles
#= {"x": "reader"}
#= {"x": "writer"}

#? forall(x in new User("ann", ["a", "b"]).roleNames(), x in ["a", "b", "c"])
#= {}

#? u = new User("ann", ["a", "b"]) and x in u.roleNames() and u.hasRole(x)
#= {"u": {"$instance": "User"}, "x": "a"}
#= {"u": {"$instance": "User"}, "x": "b"}
