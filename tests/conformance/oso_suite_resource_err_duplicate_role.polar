# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_with_clashing_declarations.
# The same role twice in one list.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Organization {
    roles = ["egg", "egg"];
    "egg" if "egg";
}

#!load ValidationError::DuplicateResourceBlockDeclaration 6:21
