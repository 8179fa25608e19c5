# The built-in rule type has_permission(actor: Actor, _permission: String,
# resource: Resource) applies even without resource blocks, when the unions
# are empty: ValidationError::InvalidRule "... Rule specializer User on
# parameter 1 must be a member of rule type specializer Actor ...".

has_permission(_user: User, "read", _org: Organization);

#!load ValidationError::InvalidRule 6:1
