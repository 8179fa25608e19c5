actor User{}
actor   Team {
}
resource Repository{roles=["reader","writer","admin"];permissions=["read","write","delete"];
relations={parent:Organization, owner: User};
"read" if "reader";
"write" if "writer";
"reader" if "member" on "parent";
}
resource Organization {
    roles = ["owner", "member", "billing_admin", "security_admin", "guest", "contractor"];
    permissions = ["invite", "create_repo"];
}
Document {
    permissions = ["read"];
}
resource Commented {
    roles = [
        "reader", # reads
        "writer"
    ];
}
