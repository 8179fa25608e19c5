# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_validate_rules_with_union_type_specializers.
# A superclass (User) of a union member (Admin) does not match the union.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

actor Organization {}
resource Admin {}
type f(_x: Resource);
f(_x: User);

#!load ValidationError::InvalidRule 8:1
