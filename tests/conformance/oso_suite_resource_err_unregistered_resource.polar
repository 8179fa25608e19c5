# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_resource_must_be_registered.
# A resource block for an unregistered class.

resource Org {}

#!load ValidationError::UnregisteredClass 4:1
