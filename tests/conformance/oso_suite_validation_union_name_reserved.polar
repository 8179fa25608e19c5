# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_union_types_are_not_constructable (#[ignore]d in Oso).
# Constructing a union type.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

actor User {}
?= new Actor();

#!load UnregisteredClassError
