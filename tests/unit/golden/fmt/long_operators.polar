# Operators break after the operator when nothing else is left; a bracketed
# right operand breaks inside its brackets instead.
limits(user, action) if user.organization.settings.permission_level >= action.required_permission_level;
message(m) if m = "a long message that does not fit on one line" + " together with its tail";
bracketed(x) if x = {name: "a fairly long name", email: "someone@example.com", roles: []};
