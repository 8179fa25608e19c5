# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_declaration_keywords.
# roles must be a list.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Organization {
    roles = {};
}

#!load ValidationError::ResourceBlock 6:13
