# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/resource_block.rs test_resource_block_declarations_spread_over_multiple_resource_blocks.
# A shorthand rule naming a term no block of the resource declares (Repo becomes Repository).
# Uses the fixture host classes (User, Admin, Organization, Repository, ACME).

resource Repository {
    permissions = ["write"];
}

resource Repository {
    roles = ["reader"];
    "read" if "reader";
}

has_role(actor: Actor, _role: String, repo: Repository) if repo in actor.repos;

#!load ValidationError::ResourceBlock 11:5
