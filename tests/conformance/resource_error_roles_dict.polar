# `roles` must be a list: ValidationError::ResourceBlock "Expected 'roles'
# declaration to be a list of strings; found a dictionary", at the value.

resource Organization {
    roles = {};
}

#!load ValidationError::ResourceBlock 5:13
