# A rule type naming an unregistered class is a load error
# (ValidationError::UnregisteredClass "Unregistered class: Foo"; Oso gives
# no position).

type f(x: Foo);
f(1);

#!load ValidationError::UnregisteredClass
