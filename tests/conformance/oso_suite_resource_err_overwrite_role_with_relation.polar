# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_declarations_overwriting.
# Two blocks declare "reader" as a role and a relation.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Repository {
    roles = ["reader"];
}

resource Repository {
    relations = { reader: Repository };
}

has_role(actor: Actor, _role: String, repo: Repository) if repo in actor.repos;
has_relation(subject: Repository, "reader", object: Repository) if
    object.parent_id = subject.id;

#!load ValidationError::DuplicateResourceBlockDeclaration 10:27
