# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs
# test_union_type_matches, test_validate_rules_with_union_type_specializers
# (the valid cases), test_create_resource_specific_rule_types and
# test_create_resource_specific_rule_types_actor_roles. Citrus/Orange become
# Repository; Team becomes User.
# Expectations regenerated from npm oso 0.27.3.

actor User {
    roles = ["member", "owner"];

    "member" if "owner";
}

resource Organization {
    roles = ["member"];
}

resource Repository {
    roles = ["reader"];
    relations = { parent: Organization };
    "reader" if "member" on "parent";
}

has_relation(organization: Organization, "parent", repository: Repository) if
    repository.org = organization;

has_role(user: Actor, role: String, organization: Organization) if
    role in user.roles and
    organization.name = "acme";

# Union matches union; a member of a union matches it.
type f_union(_x: Resource);
f_union(_x: Resource);
f_union(_x: Repository);

#? Actor matches Actor
#~ Oso: a variable named Actor or Resource on the left of matches is taken as the union itself; here it is an ordinary unbound variable
#! RuntimeError::UnhandledPartial -- the query left a constraint that was never resolved: Actor matches Actor
#? not Actor matches Resource
#~ Oso: a variable named Actor or Resource on the left of matches is taken as the union itself; here it is an ordinary unbound variable
#= none
#? Resource matches Resource
#~ Oso: a variable named Actor or Resource on the left of matches is taken as the union itself; here it is an ordinary unbound variable
#! RuntimeError::UnhandledPartial -- the query left a constraint that was never resolved: Resource matches Resource
#? new User("u", []) matches Actor
#= {}
#? new Repository("r", ACME) matches Resource
#= {}
#? new Repository("r", ACME) matches Actor
#= none
#? ACME matches Resource
#= {}
#? f_union(new Repository("r", ACME))
#= {}
#= {}
#? f_union(ACME)
#= {}
#? f_union(new User("u", []))
#= {}
#? has_role(new User("u", ["member"]), "reader", new Repository("r", ACME))
#= {}
#? has_role(new User("u", ["owner"]), r, ACME)
#= {"r": "owner"}
