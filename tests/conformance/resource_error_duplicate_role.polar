# A role listed twice: ValidationError::DuplicateResourceBlockDeclaration
# "Cannot overwrite existing role declaration \"egg\" in resource
# Organization with role", at the second "egg".

resource Organization {
    roles = ["egg", "spam", "egg"];
}

#!load ValidationError::DuplicateResourceBlockDeclaration 6:29
