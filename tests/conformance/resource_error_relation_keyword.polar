# Any word is parsed between the body and the relation, but only `on` is
# valid: ValidationError::ResourceBlock "Unexpected relation keyword 'onn'.
# Did you mean 'on'?", at the word.

resource Organization {
    roles = ["member", "owner"];
    relations = { parent: Organization };
    "member" if "owner" onn "parent";
}

#!load ValidationError::ResourceBlock 8:25
