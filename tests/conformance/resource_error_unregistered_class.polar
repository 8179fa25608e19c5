# A block for a class the host has not registered:
# ValidationError::UnregisteredClass "Unregistered class: Foo", at the
# block's first word.

resource Foo {}

#!load ValidationError::UnregisteredClass 5:1
