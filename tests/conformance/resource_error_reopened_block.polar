# A block may be opened again (its declarations merge), but a string cannot
# change kind: ValidationError::DuplicateResourceBlockDeclaration "Cannot
# overwrite existing role declaration \"member\" in resource Organization
# with permission", at the second declaration.

resource Organization {
    roles = ["member"];
}

resource Organization {
    permissions = ["member"];
}

#!load ValidationError::DuplicateResourceBlockDeclaration 11:20
