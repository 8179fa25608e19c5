# Declaring roles twice in one block: ValidationError::ResourceBlock
# "Multiple 'roles' declarations in 'Organization' resource block.", at the
# second list.

resource Organization {
    roles = ["owner"];
    permissions = ["read"];
    roles = ["member"];
}

#!load ValidationError::ResourceBlock 8:13
