# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_with_clashing_declarations.
# The same name as a role and a permission.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Organization {
    roles = ["egg", "tootsie"];
    permissions = ["spring", "egg"];

    "egg" if "tootsie";
    "tootsie" if "spring";
}

#!load ValidationError::DuplicateResourceBlockDeclaration 7:30
