# Only roles, permissions and relations can be declared:
# ValidationError::ResourceBlock "Unexpected declaration 'groups'. Did you
# mean for this to be 'roles = [ ... ];' or 'permissions = [ ... ];'?"
# (with a dictionary value: "... 'relations = { ... };'?"), at the value.

resource Organization {
    groups = ["a"];
}

#!load ValidationError::ResourceBlock 7:14
