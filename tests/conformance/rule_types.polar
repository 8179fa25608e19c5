# Rule types `type f(x: T, ...);` constrain the rules named f: every rule
# with that name must match at least one of its rule types (same arity,
# each parameter's specializer at least as specific as the type's).  A
# rule type does not define a rule.  Rule types do not filter queries.
# Violations are load errors (rule_type_*.polar).

type f(x: Integer);
f(1);
f(_x: Integer);
f(x: Integer) if x > 100;

#? f(1)
#= {}
#= {}

#? f(500)
#= {}
#= {}

#? f(7)
#= {}

#? f("a")
#= none

# A type with several parameters.
type pair(x: Integer, y: String);
pair(1, "a");
pair(_x: Integer, _y: String);

#? pair(1, "a")
#= {}
#= {}

#? pair(2, "b")
#= {}

# Several rule types for one rule: each rule must match one of them.
type either(x: Integer);
type either(x: String);
either(1);
either("a");
either(_x: Integer);

#? either(1)
#= {}
#= {}

#? either("a")
#= {}

# Literals in rules are checked against the types by their class.
# (Pattern specializers against class types: rule_types_patterns.polar.)
type lists(x: List);
lists([1, 2]);
type dicts(x: Dictionary);
dicts({a: 1});
type strs(x: String);
strs("s");
type bools(x: Boolean);
bools(true);

#? lists(x)
#= {"x": [1, 2]}

#? dicts({a: 1})
#= {}

#? strs(x)
#= {"x": "s"}

#? bools(x)
#= {"x": true}

# An unspecialized type parameter accepts anything.
type anything(x);
anything(1);
anything("a");

#? anything(x)
#= {"x": 1}
#= {"x": "a"}

# The same type twice is fine.
type twice(x: Integer);
type twice(x: Integer);
twice(2);

#? twice(2)
#= {}

# A rule type alone does not define the rule.
type declared_only(x: Integer);

#? declared_only(1)
#! RuntimeError::QueryForUndefinedRule -- Query for undefined rule `declared_only`
