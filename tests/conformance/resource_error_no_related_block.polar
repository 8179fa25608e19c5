# `on "parent"` where parent's class has no block: ValidationError::ResourceBlock
# "Repository: Relation \"parent\" in rule body `\"member\" on \"parent\"`
# has type 'Organization', but no such resource block exists. Try declaring
# one: `resource Organization {}`", at Organization in the relations.

resource Repository {
    roles = ["reader"];
    relations = { parent: Organization };
    "reader" if "member" on "parent";
}

#!load ValidationError::ResourceBlock 8:27
