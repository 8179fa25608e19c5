# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_relation_keywords.
# A misspelt `on`.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Organization {
    roles = ["foo", "bar"];
    relations = { baz: Organization };
    "foo" if "bar" onn "baz";
}

#!load ValidationError::ResourceBlock 8:20
