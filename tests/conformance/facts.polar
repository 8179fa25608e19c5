# Facts: rules without a body, queried with constants and variables.
# Results come back in source order.

color("red");
color("green");
color("blue");

edge(1, 2);
edge(2, 3);
edge(1, 3);

pair(1, "one");
pair(2, "two");

nothing();

#? color("red")
#= {}

#? color("purple")
#= none

#? color(c)
#= {"c": "red"}
#= {"c": "green"}
#= {"c": "blue"}

#? edge(1, x)
#= {"x": 2}
#= {"x": 3}

#? edge(x, 3)
#= {"x": 2}
#= {"x": 1}

#? edge(a, b)
#= {"a": 1, "b": 2}
#= {"a": 2, "b": 3}
#= {"a": 1, "b": 3}

#? edge(x, x)
#= none

#? pair(n, "two")
#= {"n": 2}

#? nothing()
#= {}

# A fact queried with the wrong number of arguments simply fails.
#? pair(1)
#= none

#? pair(1, "one", 3)
#= none

# The same fact matching more than once yields one result per match.
dup(1);
dup(1);
#? dup(1)
#= {}
#= {}

# An anonymous variable in the query matches anything and is not reported.
#? edge(_, y)
#= {"y": 2}
#= {"y": 3}
#= {"y": 3}

# A query for a rule name that has no rules at all is an error.
#? undefined_thing(1)
#! RuntimeError::QueryForUndefinedRule -- Query for undefined rule `undefined_thing`

# Facts over different value types.
val(1);
val(2.5);
val("s");
val(true);
val([1, 2]);
val({k: "v"});
val(nil);
#? val(v)
#= {"v": 1}
#= {"v": 2.5}
#= {"v": "s"}
#= {"v": true}
#= {"v": [1, 2]}
#= {"v": {"k": "v"}}
#= {"v": null}
