# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_validate_rules_with_union_type_specializers.
# Union Actor does not match union Resource.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

actor User {}
resource Organization {}
type f(_x: Resource);
f(_x: Actor);

#!load ValidationError::InvalidRule 8:1
