# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_with_clashing_declarations.
# The same name as a permission and a relation (to an unregistered class).
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Organization {
    permissions = ["egg"];
    relations = { egg: Roll };
}

#!load ValidationError::DuplicateResourceBlockDeclaration 7:24
