f(x: User, y: Repository{name: "r"}, z: (Foo), w: {a: 1}, v: [1, *r], 1, "s");
g(x:Integer) if x > 0;
h(x: Foo::Bar) if x = 1;
a_rule_with_many_parameters(first_parameter: User, second_parameter: Repository, third: Organization) if first_parameter.id = 1;
