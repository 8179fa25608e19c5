# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_rule_type_validation_errors_for_non_class_specializers.
# A rule type specializer that is a constant, not a class (ACME is an Organization instance).
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

type f(_: ACME);
f(_: Unregistered);

#!load ValidationError::InvalidRule 6:1
