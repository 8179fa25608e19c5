type has_role(actor:User, role:String, resource:Repository);
type f(x: Integer);
?= f(1);
?=  x = new User("alice", age: 3) and print(x, 1) and debug();
all_positive(xs) if forall(x in xs, x > 0);
first(x) if x = 1 and cut;
kwargs(x) if x = new Point(1, 2, z: 3) and x.method(a, key: "v");
booleans(x) if x = true and y = false and n = nil and i = inf and m = -inf and z = 1.5e3;
