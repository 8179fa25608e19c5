# A relation to a class the host has not registered:
# ValidationError::UnregisteredClass "Unregistered class: Foo", at the class
# name in the relations declaration.

actor User {}

resource Repository {
    relations = { parent: Foo };
}

#!load ValidationError::UnregisteredClass 8:27
