# `relations` must be a dictionary: ValidationError::ResourceBlock "Expected
# 'relations' declaration to be a dictionary; found a list", at the value.

resource Organization {
    relations = [];
}

#!load ValidationError::ResourceBlock 5:17
