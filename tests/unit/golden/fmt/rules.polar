# Facts, rules and the way bodies break.
father(  "bart","homer" ) ;
mother("bart",   "marge");
parent(child, p) if father(child, p) or mother(child, p);
grandparent(child, g) if parent(child, p) and parent(p, g);
allow(actor, action, resource) if has_permission(actor, action, resource) and not banned(actor) and resource.public = true;
either(x) if x = 1 and x > 0 or x = 2 and x < 10 or some_very_long_predicate_name(x, "a long argument");
nested(x) if (x = 1 or x = 2) and (x > 0 or x < 100);
