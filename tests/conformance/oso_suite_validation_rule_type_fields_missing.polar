# Ported from Oso 0.27.3 (tag v0.27.3) languages/python/oso/tests/test_polar.py test_rule_types_with_subclass_check.
# A rule must carry the fields its rule type pattern has.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

type f(_x: User{id: 1});
f(_x: Admin{id: 1});
f(_x: User{id: 1});
f(_x: Admin);

#!load ValidationError::InvalidRule 8:1
