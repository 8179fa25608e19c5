# A shorthand rule whose head is not declared: ValidationError::ResourceBlock
# "Undeclared term \"member\" referenced in rule in 'Organization' resource
# block. Did you mean to declare it as a role, permission, or relation?", at
# the head.

resource Organization {
    roles = ["owner"];
    "member" if "owner";
}

#!load ValidationError::ResourceBlock 8:5
