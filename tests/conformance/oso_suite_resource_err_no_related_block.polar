# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_with_undeclared_nonlocal_shorthand_rule_body.
# The related class has no resource block.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Repository {
    roles = ["writer"];
    relations = { parent: Organization };
    "writer" if "owner" on "parent";
}

#!load ValidationError::ResourceBlock 7:27
