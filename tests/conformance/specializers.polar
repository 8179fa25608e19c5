# Parameter specializers: `x: Class`, `x: Class{field: v}`, `x: {dict
# pattern}` (subset, nested), `x: [list pattern]`, `x: literal`.  A
# specialized parameter matches like `arg matches Specializer`.
# (Ordering of applicable rules: rule_ordering.polar.)

int_only(_x: Integer);
str_only(_x: String);
bool_only(_x: Boolean);
list_only(_x: List);
dict_only(_x: Dictionary);
float_only(_x: Float);

#? int_only(1)
#= {}

#? int_only("1")
#= none

#? str_only("s")
#= {}

#? str_only(1)
#= none

#? bool_only(false)
#= {}

#? bool_only(0)
#= none

#? list_only([1])
#= {}

#? list_only({})
#= none

#? dict_only({a: 1})
#= {}

#? dict_only([])
#= none

#? float_only(1.5)
#= {}

#? float_only(1)
#~ JS host artefact: Oso's JS host maps both Integer and Float to JS Number, so an integer matches a Float specializer there.
#= none

#? int_only(2.5)
#~ JS host artefact: Oso's JS host maps both Integer and Float to JS Number, so a float matches an Integer specializer there.
#= none

# Dictionary-pattern specializers: subset match, nested.
has_a(x: {a: 1}) if x = x;
nested(x: {a: {b: 1}}) if x = x;

#? has_a({a: 1})
#= {}

#? has_a({a: 1, b: 2})
#= {}

#? has_a({a: 2})
#= none

#? has_a({b: 1})
#= none

#? has_a(1)
#= none

#? nested({a: {b: 1, c: 2}, z: 3})
#= {}

#? nested({a: {b: 2}})
#= none

# Class pattern specializers.
dict_a(x: Dictionary{a: 1}) if x = x;

#? dict_a({a: 1, b: 2})
#= {}

#? dict_a({a: 2})
#= none

# Literal specializers.
lit_s(_x: "lit");
lit_n(_x: 1.0);
lit_b(_x: true);

#? lit_s("lit")
#= {}

#? lit_s("other")
#= none

#? lit_s(x)
#= {"x": "lit"}

#? lit_n(1)
#= {}

#? lit_n(1.0)
#= {}

#? lit_b(true)
#= {}

#? lit_b(1)
#= none

# List specializers.
two_list(_x: [1, 2]);
starts_one(x: [1, *rest]) if rest = rest and x = x;

#? two_list([1, 2])
#= {}

#? two_list([1, 2.0])
#= {}

#? two_list([2, 1])
#= none

#? two_list(1)
#= none

#? two_list(x)
#= {"x": [1, 2]}

#? starts_one([1, 2, 3])
#= {}

#? starts_one([2])
#= none

# Several specialized parameters.
typed(x: String, y: Integer) if x = x and y = y;

#? typed("a", 1)
#= {}

#? typed(1, "a")
#= none

# A specializer on a parameter whose argument is unbound becomes a
# constraint; binding it later in the body checks the constraint.
later(x: Integer) if x = 2;
later_bad(x: Integer) if x = "s";

#? later(y)
#= {"y": 2}

#? later_bad(y)
#= none

# A specializer combined with a body.
pos(x: Integer) if x > 0;

#? pos(5)
#= {}

#? pos(-5)
#= none

#? pos("5")
#= none

# An unknown class in a specializer: Oso warns at load ("Unknown
# specializer Foo") and raises when the rule is tried.
unknown(x: Foo) if x = x;

#? unknown(1)
#! UnregisteredClassError -- Unregistered class: Foo.

# `nil` in specializer position is a class name, not the nil constant.
nil_spec(_x: nil);

#? nil_spec(nil)
#! UnregisteredClassError -- Unregistered class: nil.
