# An invalid rule is reported before a missing required rule: the
# has_relation below has a misspelt relation name, so it matches no
# has_relation type (ValidationError::InvalidRule "... Invalid parameter 2.
# Rule value ... != rule type value ..."), at the rule.

actor User {}

resource Organization {
    permissions = ["read"];
    relations = { creator: User };
    "read" if "creator";
}

has_relation(_user: User, "craetor", _org: Organization);

#!load ValidationError::InvalidRule 14:1
