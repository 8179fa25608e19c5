lists(x) if x = [1,2,3] and [a, *rest] = x and [] = [];
long_list(x) if x in ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa", "lambda", "mu"];
dicts(d) if d = {a: 1, b: "two", c: [3]} and d = {x, y} and {} = {};
long_dict(d) if d = {name: "a fairly long name", email: "someone@example.com", roles: ["admin", "user"], active: true};
patterns(x) if x matches Foo{a: 1, b: {c: 2}} and x matches {a: 1} and x matches [1, *r];
