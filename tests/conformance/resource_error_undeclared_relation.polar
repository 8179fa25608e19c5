# `on` a relation that is not declared: ValidationError::ResourceBlock
# "Undeclared term \"parent\" referenced in rule in 'Repository' resource
# block. ...", at "parent".

resource Organization {
    roles = ["member"];
}

resource Repository {
    roles = ["reader"];
    "reader" if "member" on "parent";
}

#!load ValidationError::ResourceBlock 11:29
