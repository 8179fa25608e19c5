# has_role's rule type wants a member of the Actor union (a class with an
# actor block, or a subclass of one): ValidationError::InvalidRule "...
# Rule specializer Organization on parameter 1 must be a member of rule type
# specializer Actor\n\n\tPerhaps you meant to add an actor block ...", at
# the rule.

actor User {}

resource Organization {
    roles = ["member"];
}

has_role(_org: Organization, "member", _other: Organization);

#!load ValidationError::InvalidRule 13:1
