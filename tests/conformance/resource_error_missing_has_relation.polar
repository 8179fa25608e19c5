# A shorthand rule going through a relation needs a has_relation rule for
# it: ValidationError::MissingRequiredRule "Missing implementation for
# required rule has_relation(subject: Organization{}, \"parent\", object:
# Repository{});", at Organization in the relations declaration.

actor User {}

resource Organization {
    roles = ["member"];
}

resource Repository {
    roles = ["reader"];
    relations = { parent: Organization };
    "reader" if "member" on "parent";
}

has_role(_user: User, "member", _org: Organization);

#!load ValidationError::MissingRequiredRule 14:27
