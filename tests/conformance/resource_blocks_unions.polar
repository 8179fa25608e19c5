# Actor and Resource are unions of the classes of resource blocks. As a
# specializer a union is less specific than any class; two unions tie, so
# they keep source order.

actor User {}
resource Organization {}

kind(_x: Actor, "actor");
kind(_x: Resource, "resource");
kind(_x: User, "user");
kind(_x, "anything");

#? kind(new User("ann", []), k)
#= {"k": "user"}
#= {"k": "actor"}
#= {"k": "resource"}
#= {"k": "anything"}

#? kind(new Admin("ann", []), k)
#= {"k": "user"}
#= {"k": "actor"}
#= {"k": "resource"}
#= {"k": "anything"}

#? kind(ACME, k)
#= {"k": "resource"}
#= {"k": "anything"}

#? kind(new Repository("anvil", ACME), k)
#= {"k": "anything"}

#? kind(1, k)
#= {"k": "anything"}

# Actor is not a class: it cannot be constructed.
#? x = new Actor()
#! UnregisteredClassError -- Unregistered class: Actor.
