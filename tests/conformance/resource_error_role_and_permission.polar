# A string declared as a role and as a permission:
# ValidationError::DuplicateResourceBlockDeclaration "Cannot overwrite
# existing role declaration \"egg\" in resource Organization with
# permission", at the permission. Roles are indexed before permissions
# whatever the order they are written in.

resource Organization {
    permissions = ["read", "egg"];
    roles = ["egg"];
}

#!load ValidationError::DuplicateResourceBlockDeclaration 8:28
