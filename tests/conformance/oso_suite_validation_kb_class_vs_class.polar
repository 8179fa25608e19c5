# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/kb.rs test_rule_type_validation_errors_for_non_class_specializers.
# Different registered classes (Class1/Class2 become User/Organization).
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

type f(_: User);
f(_: Organization);

#!load ValidationError::InvalidRule 6:1
