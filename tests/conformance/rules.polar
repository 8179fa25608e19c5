# Rules with bodies: conjunction, shared variables, several clauses,
# literal parameters, arities, head unification.

parent("alice", "bob");
parent("bob", "carol");
parent("bob", "dave");

grandparent(a, c) if parent(a, b) and parent(b, c);
sibling(x, y) if parent(p, x) and parent(p, y) and x != y;

#? grandparent("alice", g)
#= {"g": "carol"}
#= {"g": "dave"}

#? grandparent(a, "dave")
#= {"a": "alice"}

#? sibling("carol", s)
#= {"s": "dave"}

#? sibling(a, b)
#= {"a": "carol", "b": "dave"}
#= {"a": "dave", "b": "carol"}

# Several clauses: each one is tried, results in source order.
two(x) if x = 1;
two(x) if x = 2;

#? two(x)
#= {"x": 1}
#= {"x": 2}

#? two(3)
#= none

# Literal parameters select clauses.
name(1, y) if y = "one";
name(2, y) if y = "two";
name(x, y) if x > 2 and y = "many";

#? name(1, y)
#= {"y": "one"}

#? name(5, y)
#= {"y": "many"}

#? name(x, "two")
#= {"x": 2}

# Rules of the same name but different arity are separate; a call only
# considers the clauses with the right number of parameters.
arity();
arity(_a);
arity(_a, _b);

#? arity()
#= {}

#? arity(1)
#= {}

#? arity(1, 2)
#= {}

#? arity(1, 2, 3)
#= none

# A repeated head variable forces its arguments to unify.
same(x, x);

#? same(1, 1)
#= {}

#? same(1, 2)
#= none

#? same(x, 3)
#= {"x": 3}

#? same([1, y], [x, 2])
#= {"y": 2, "x": 1}

succ(x, y) if y = x + 1;

#? succ(1, y)
#= {"y": 2}

#? succ(1, 2)
#= {}

#? succ(1, 3)
#= none

# Head parameters may be structured terms.
swap([a, b], [b, a]);

#? swap([1, 2], x)
#= {"x": [2, 1]}

#? swap(x, [1, 2])
#= {"x": [2, 1]}

link(x, x);

#? link(x, y) and x = 1
#= {"x": 1, "y": 1}

# Rule variables are fresh for every call: using the same rule twice
# with different values works.
ident(x, x);

#? ident(1, a) and ident(2, b)
#= {"a": 1, "b": 2}

# A body that calls a rule which fails makes the caller fail.
never() if parent("nobody", _);

#? never()
#= none

# The rule body `x = 1 and x = 2` can never succeed.
contra(x) if x = 1 and x = 2;

#? contra(x)
#= none

# A rule with an empty parameter list and a body.
truth() if 1 = 1;

#? truth()
#= {}

# Calling a rule with an argument that is already bound to a structure.
first([x, *_rest], x);

#? l = [7, 8] and first(l, f)
#= {"l": [7, 8], "f": 7}

# Clauses defined in between other rules still belong to the same rule.
spread(1);
unrelated(0);
spread(2);

#? spread(x)
#= {"x": 1}
#= {"x": 2}
