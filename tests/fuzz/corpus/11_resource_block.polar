actor User {}
resource Repo {
  permissions = ["read", "push"];
  roles = ["reader", "writer"];
  "read" if "reader";
  "push" if "writer";
  "reader" if "writer";
}
allow(actor, action, resource) if has_permission(actor, action, resource);
?- allow("ann", "read", "repo")
