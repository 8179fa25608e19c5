# Rule types versus pattern specializers: a list pattern satisfies a
# List type, a dictionary pattern a Dictionary type, and a dictionary
# (literal or pattern) satisfies a dictionary-pattern type if it has the
# type's fields.  (Mismatches: rule_type_dict_fields.polar.)

type lists(x: List);
lists([1, 2]);
lists(_x: [3]);

# The specialized rule comes first (rule_ordering.polar).
#? lists(x)
#= {"x": [3]}
#= {"x": [1, 2]}

type dicts(x: Dictionary);
dicts({a: 1});
dicts(_x: {b: 2});

#? dicts({a: 1})
#= {}

#? dicts({b: 2})
#= {}

type shaped(x: {a: 1});
shaped({a: 1, b: 2});
shaped(_x: {a: 1, c: 3});

#? shaped({a: 1, b: 2})
#= {}

#? shaped({a: 1, c: 3, d: 4})
#= {}

#? shaped({a: 2, b: 2})
#= none
