# Ported from Oso 0.27.3 (tag v0.27.3) languages/js/src/Polar.test.ts
# "Oso Roles works" and languages/ruby/spec/oso/polar/polar_spec.rb (roles
# integration): Org/Repo become the fixture classes Organization/Repository
# (the Issue block is left out: the fixtures have no third resource class);
# a user's roles are dictionaries {name, resource}. Instances are bound once
# per query so that the role's resource is the same object.
# Expectations regenerated from npm oso 0.27.3.

allow(actor, action, resource) if has_permission(actor, action, resource);

has_role(user: User, name: String, resource: Resource) if
    role in user.roles and
    role matches {name: name, resource: resource};

actor User {}

resource Organization {
    roles = ["owner", "member"];
    permissions = ["invite", "create_repo"];

    "create_repo" if "member";
    "invite" if "owner";

    "member" if "owner";
}

resource Repository {
    roles = ["writer", "reader"];
    permissions = ["push", "pull"];
    relations = { parent: Organization };

    "pull" if "reader";
    "push" if "writer";

    "reader" if "writer";

    "reader" if "member" on "parent";
    "writer" if "owner" on "parent";
}

has_relation(org: Organization, "parent", repo: Repository) if org = repo.org;

#? o = new Organization("osohq") and leina = new User("leina", [{name: "owner", resource: o}]) and allow(leina, "invite", o)
#= {"o": {"$instance": "Organization"}, "leina": {"$instance": "User"}}
#? o = new Organization("osohq") and leina = new User("leina", [{name: "owner", resource: o}]) and allow(leina, "create_repo", o)
#= {"o": {"$instance": "Organization"}, "leina": {"$instance": "User"}}
#? o = new Organization("osohq") and leina = new User("leina", [{name: "owner", resource: o}]) and allow(leina, "push", new Repository("oso", o))
#= {"o": {"$instance": "Organization"}, "leina": {"$instance": "User"}}
#? o = new Organization("osohq") and leina = new User("leina", [{name: "owner", resource: o}]) and allow(leina, "pull", new Repository("oso", o))
#= {"o": {"$instance": "Organization"}, "leina": {"$instance": "User"}}
#= {"o": {"$instance": "Organization"}, "leina": {"$instance": "User"}}
#? o = new Organization("osohq") and steve = new User("steve", [{name: "member", resource: o}]) and allow(steve, "invite", o)
#= none
#? o = new Organization("osohq") and steve = new User("steve", [{name: "member", resource: o}]) and allow(steve, "create_repo", o)
#= {"o": {"$instance": "Organization"}, "steve": {"$instance": "User"}}
#? o = new Organization("osohq") and steve = new User("steve", [{name: "member", resource: o}]) and allow(steve, "push", new Repository("oso", o))
#= none
#? o = new Organization("osohq") and steve = new User("steve", [{name: "member", resource: o}]) and allow(steve, "pull", new Repository("oso", o))
#= {"o": {"$instance": "Organization"}, "steve": {"$instance": "User"}}
#? o = new Organization("osohq") and a = new Organization("apple") and leina = new User("leina", [{name: "owner", resource: o}]) and allow(leina, "pull", new Repository("ios", a))
#= none
#? o = new Organization("osohq") and gabe = new User("gabe", []) and allow(gabe, "pull", new Repository("oso", o))
#= none
#? o = new Organization("osohq") and leina = new User("leina", [{name: "owner", resource: o}]) and allow(leina, _action, o) and _action = "invite"
#= {"o": {"$instance": "Organization"}, "leina": {"$instance": "User"}}
