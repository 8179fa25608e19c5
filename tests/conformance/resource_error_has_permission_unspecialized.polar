# has_permission's parameters need class specializers: ValidationError::InvalidRule
# "... Parameter `_x` expects a String type constraint.\n\n\t_x: String".

actor User {}
resource Organization {}

has_permission(_user: User, _x, _org: Organization);

#!load ValidationError::InvalidRule 7:1
