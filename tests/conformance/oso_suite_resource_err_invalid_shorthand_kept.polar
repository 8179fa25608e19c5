# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/polar.rs test_valid_shorthand_rules_still_rewritten_in_presence_of_invalid_shorthand_rules.
# An unregistered resource class and an undeclared "burn" (Oso reports the first).

allow(actor, action, resource) if has_permission(actor, action, resource);

resource Fields {
    permissions = ["till"];
    roles = ["farmer"];

    "till" if "farmer";
    "burn" if "farmer";
}

#!load ValidationError::UnregisteredClass 6:1
