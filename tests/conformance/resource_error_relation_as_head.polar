# A shorthand rule whose head is a relation becomes has_relation(actor:
# Actor, ...), which cannot match has_relation(subject: Organization, ...):
# ValidationError::InvalidRule "... Rule specializer Actor on parameter 1 is
# not registered as a class.", at the shorthand line.

actor User {}

resource Organization {
    roles = ["owner"];
    relations = { parent: Organization };
    "parent" if "owner";
}

has_role(_user: User, "owner", _org: Organization);

#!load ValidationError::InvalidRule 11:5
