# Attributes of host instances: `x.name` asks the host. The classes are the
# fixture classes (runner/fixture_classes.hpp, tools/regen.js): User(name,
# roles), Admin, Organization(name), Repository(name, org), constant ACME.
# An instance in a result is written {"$instance": "ClassName"}.

org_of(repo: Repository, name) if name = repo.org.name;

#? x = new User("ann", ["reader", "writer"]).name
#= {"x": "ann"}

#? x = new User("ann", ["reader", "writer"]).roles
#= {"x": ["reader", "writer"]}

#? x = ACME.name
#= {"x": "acme"}

#? x = new Repository("anvil", new Organization("acme")).org.name
#= {"x": "acme"}

#? org_of(new Repository("anvil", ACME), name)
#= {"name": "acme"}

#? u = new User("ann", []) and u.name = "ann"
#= {"u": {"$instance": "User"}}

#? new User("ann", []).name = "bob"
#= none

#? x = new User("ann", [])
#= {"x": {"$instance": "User"}}

#? x = new Repository("anvil", ACME).org
#= {"x": {"$instance": "Organization"}}

# A lookup on an unbound variable waits until the variable is bound.
#? u.name = n and u = new User("cat", [])
#= {"u": {"$instance": "User"}, "n": "cat"}

# Unknown attribute: an Application error naming the attribute.
#? x = new User("ann", []).nope
#! RuntimeError::Application -- Application error: nope not found on User { name: 'ann', roles: [] }. at line 1, column 5

#? x = ACME.nope
#! RuntimeError::Application -- Application error: nope not found on Organization { name: 'acme' }. at line 1, column 5

# A method named without parentheses.
#? x = new User("ann", []).greet
#~ JS host: a method without parentheses is the JS function object; a C++ host has no such value (an error)
#! RuntimeError::Application -- Application error: User has no attribute `greet` (it has a method: call it as greet())

# JavaScript properties of host values.
#? x = new User("ann", []).roles.length
#~ JS host: `length` of a JS array; a C++ list has no attributes
#! RuntimeError::Application -- [] has no attribute or method `length`
