# Oso looks up a rule type's class only when a rule has to be compared with
# it: a type naming an unregistered class loads if no rule needs the lookup
# (no rules, or rules with the very same specializer). A rule with another
# class fails (rule_type_unknown_class.polar); a query still needs the class.

type f(x: Foo);
f(_x: Foo);

type g(x: Bar);

#? f(1)
#! UnregisteredClassError -- Unregistered class: Foo.
