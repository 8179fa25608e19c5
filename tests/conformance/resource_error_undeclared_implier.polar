# A shorthand rule whose body is not declared: ValidationError::ResourceBlock
# "Undeclared term \"owner\" referenced in rule in 'Organization' resource
# block. ...", at "owner".

resource Organization {
    roles = ["member"];
    "member" if "owner";
}

#!load ValidationError::ResourceBlock 7:17
