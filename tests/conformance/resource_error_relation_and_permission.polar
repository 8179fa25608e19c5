# A relation with the name of a permission:
# ValidationError::DuplicateResourceBlockDeclaration "Cannot overwrite
# existing permission declaration \"egg\" in resource Organization with
# relation", at the relation's class.

actor User {}

resource Organization {
    relations = { egg: User };
    permissions = ["egg"];
}

#!load ValidationError::DuplicateResourceBlockDeclaration 9:24
