# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_with_undeclared_local_shorthand_rule_head.
# The head of a shorthand rule is not declared.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Organization {
    "member" if "owner";
}

#!load ValidationError::ResourceBlock 6:5
