# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_with_unregistered_relation_type.
# A relation to an unregistered class.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Repository {
    relations = { parent: Org };
}

#!load ValidationError::UnregisteredClass 6:27
