# A relation to an actor used directly in a body ("owner" if "creator") needs
# has_relation(subject: User{}, "creator", object: Organization{}) too.

actor User {}

resource Organization {
    roles = ["owner"];
    relations = { creator: User };
    "owner" if "creator";
}

#!load ValidationError::MissingRequiredRule 8:28
