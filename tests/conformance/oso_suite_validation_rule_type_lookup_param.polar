# Ported from Oso 0.27.3 (tag v0.27.3) languages/python/oso/tests/test_polar.py test_rule_types_with_subclass_check; languages/js/src/Polar.test.ts.
# A rule type parameter cannot be a dot lookup (Foo is the fixture class User here).
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

type f(x: User, x.baz);

#!load ValidationError::InvalidRuleType 5:6
