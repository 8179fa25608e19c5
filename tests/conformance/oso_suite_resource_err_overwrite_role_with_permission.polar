# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_declarations_overwriting.
# Two blocks declare "reader" as a role and a permission.
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Repository {
    roles = ["reader"];
}

resource Repository {
    permissions = ["reader"];
}

has_role(actor: Actor, _role: String, repo: Repository) if repo in actor.repos;

#!load ValidationError::DuplicateResourceBlockDeclaration 10:20
