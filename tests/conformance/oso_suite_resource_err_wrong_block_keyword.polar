# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_types.
# A block with an unknown keyword.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

seahorse Organization {}

#!load ValidationError::ResourceBlock 5:1
