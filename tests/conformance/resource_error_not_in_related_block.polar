# `"member" on "parent"` where the parent's block does not declare "member":
# ValidationError::ResourceBlock "Repository: Term \"member\" not declared in
# related resource block 'Organization'. ...", at "member".

resource Organization {
    roles = ["owner"];
}

resource Repository {
    roles = ["reader"];
    relations = { parent: Organization };
    "reader" if "member" on "parent";
}

#!load ValidationError::ResourceBlock 12:17
