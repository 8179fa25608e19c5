# `on` a string declared as a role, not a relation: Oso fails with
# OperationalError::InvalidState "Invalid state: Expected Relation; got:
# Role" (no position).

resource Organization {
    roles = ["member", "owner"];
    "member" if "owner" on "owner";
}

#!load OperationalError::InvalidState
