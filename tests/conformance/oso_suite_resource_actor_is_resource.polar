# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs
# test_validate_rules_with_union_type_specializers, "Superclass of member of
# union does not match union", with Fruit/Citrus becoming User/Admin: Oso
# rejects `f(_x: User)` against `type f(_x: Resource)` when only Admin is a
# resource (oso_suite_validation_union_superclass_of_member.polar), but here
# User is declared an actor, and an actor class is a member of the Resource
# union too, so the rule is valid. Expectations regenerated from npm oso
# 0.27.3.

actor User {}
resource Admin {}
type f(_x: Resource);
f(_x: User);

#? f(new User("u", []))
#= {}
#? f(new Admin("a", []))
#= {}
#? f(ACME)
#= none
#? new User("u", []) matches Resource
#= {}
#? new Admin("a", []) matches Actor
#= {}
