# Oso's built-in rule types include allow(actor, _action, resource),
# allow_field(actor, action, resource, field) and allow_request(actor,
# request): an allow rule of another arity is ValidationError::InvalidRule
# "... Different number of parameters. Rule has 2 parameter(s) but rule type
# has 3.", with or without resource blocks.

allow(_actor, _resource);

#!load ValidationError::InvalidRule 7:1
