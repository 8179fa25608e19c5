# Ported from Oso 0.27.3 (tag v0.27.3) languages/python/oso/tests/test_polar.py test_rule_types_with_subclass_check; languages/js/src/Polar.test.ts; languages/ruby polar_spec.rb.
# Foo/Bar/Bad become User/Admin/Organization: a rule for an unrelated class breaks the rule type.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

type f(_x: Integer);
f(1);
type f(_x: User);
type f(_x: User, _y: Admin);
f(_x: Admin);
f(_x: User);
f(_x: Organization);

#!load ValidationError::InvalidRule 11:1
