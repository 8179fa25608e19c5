# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs
# test_default_rule_types (the policy that must load: rules matching the
# built-in rule types of has_permission, has_role, has_relation, allow,
# allow_field and allow_request, with no resource blocks) and
# polar-core/src/resource_block.rs
# test_resource_block_declaration_keywords_are_not_reserved_words.
# Expectations regenerated from npm oso 0.27.3.

has_permission(_actor: Actor, "eat", _resource: Resource);
has_role(_actor: Actor, "member", _resource: Resource);
has_role(_actor: Actor, "member", _resource: Actor);
has_relation(_actor: Actor, "any", _other: Actor);
has_relation(_actor: Resource, "any", _other: Actor);
has_relation(_actor: Resource, "any", _other: Resource);
has_relation(_actor: Actor, "any", _other: Resource);
allow("a", "b", "c");
allow_field("a", "b", "c", "d");
allow_request("a", "b");

on(actor, resource, roles, permissions, relations) if
    on(actor, resource, roles, permissions, relations);

#? allow("a", "b", "c")
#= {}
#? allow(x, y, z)
#= {"x": "a", "y": "b", "z": "c"}
#? allow_field("a", "b", "c", "d")
#= {}
#? allow_request("a", "b")
#= {}
#? has_permission("a", "eat", "b")
#= none
#? has_role({}, "member", {})
#= none
