# Order in which applicable rules run.  Oso sorts the applicable clauses
# with an insertion sort that only ever compares a clause with its left
# neighbour and moves it left while it is "more specific" (so ties keep
# source order).  Two clauses are compared parameter by parameter from
# the left; the first parameter where their specializers differ decides:
#   - a specializer beats no specializer;
#   - a class pattern (Integer, Dictionary, Dictionary{a: 1}) beats a
#     dictionary pattern;
#   - dictionary pattern A beats B if A has MORE keys than B (the count
#     decides; the keys themselves need not overlap);
#   - anything else is a tie: the same class with/without fields, two
#     classes on a non-instance value, a literal vs a class, a literal
#     vs a dictionary pattern, a list pattern vs List, equal key counts.
# Because "tie" is not transitive, the result can depend on source order
# (see the nbr1/nbr2 cases).  Literal parameters like `f(1)` carry no
# specializer at all.

# Specialized beats unspecialized, whatever the source order.
a(_x, "any");
a(_x: Integer, "int");

#? a(1, r)
#= {"r": "int"}
#= {"r": "any"}

#? a("s", r)
#= {"r": "any"}

# A literal parameter is not a specializer: it ties with a plain variable.
b(_x, "var");
b(1, "literal");
b(_x: Integer, "int");

#? b(1, r)
#= {"r": "int"}
#= {"r": "var"}
#= {"r": "literal"}

# Class (instance) pattern beats dictionary pattern; more keys beat fewer.
c(_x, "any");
c(_x: {a: 1}, "dict-a");
c(_x: Dictionary, "Dictionary");
c(_x: {a: 1, b: 2}, "dict-ab");
c(_x: Dictionary{a: 1}, "Dictionary{a}");

#? c({a: 1}, r)
#= {"r": "Dictionary"}
#= {"r": "Dictionary{a}"}
#= {"r": "dict-a"}
#= {"r": "any"}

#? c({a: 1, b: 2}, r)
#= {"r": "Dictionary"}
#= {"r": "Dictionary{a}"}
#= {"r": "dict-ab"}
#= {"r": "dict-a"}
#= {"r": "any"}

#? c({}, r)
#= {"r": "Dictionary"}
#= {"r": "any"}

# Same class with and without fields is a tie (for non-instance values).
d(_x: Dictionary{a: 1}, "Dictionary{a}");
d(_x: Dictionary, "Dictionary");

#? d({a: 1}, r)
#= {"r": "Dictionary{a}"}
#= {"r": "Dictionary"}

# Dictionary patterns with the same keys tie (even {a: 1} and {a: _}).
e(_x: {a: 1}, "p");
e(_x: {a: _y}, "q");
e(_x: {a: 1}, "r");

#? e({a: 1}, r)
#= {"r": "p"}
#= {"r": "q"}
#= {"r": "r"}

# Equal key counts tie, more keys move ahead, the class goes first.
g(_x: {b: 2}, "{b}");
g(_x: {a: 1}, "{a}");
g(_x: {a: 1, b: 2}, "{a,b}");
g(_x: {}, "{}");
g(_x: Dictionary, "Dictionary");

#? g({a: 1, b: 2}, r)
#= {"r": "Dictionary"}
#= {"r": "{a,b}"}
#= {"r": "{b}"}
#= {"r": "{a}"}
#= {"r": "{}"}

# The same rules in a different source order.
g2(_x: {}, "{}");
g2(_x: {a: 1}, "{a}");
g2(_x: Dictionary, "Dictionary");
g2(_x: {b: 2}, "{b}");
g2(_x: {a: 1, b: 2}, "{a,b}");

#? g2({a: 1, b: 2}, r)
#= {"r": "Dictionary"}
#= {"r": "{a,b}"}
#= {"r": "{a}"}
#= {"r": "{b}"}
#= {"r": "{}"}

# Key counts decide, not key sets: {a,c} beats {b} and {b,c} beats {a}.
q(_x: {a: 1}, "{a}");
q(_x: {b: 2}, "{b}");
q(_x: {a: 1, c: 3}, "{a,c}");

#? q({a: 1, b: 2, c: 3}, r)
#= {"r": "{a,c}"}
#= {"r": "{a}"}
#= {"r": "{b}"}

u(_x: {a: 1}, "{a}");
u(_x: {b: 2, c: 3}, "{b,c}");

#? u({a: 1, b: 2, c: 3}, r)
#= {"r": "{b,c}"}
#= {"r": "{a}"}

# Neighbour-only comparison: Integer beats {} but ties with the literal
# 1, and the literal ties with {}.  With the literal in between, Integer
# never reaches {}; with Integer next to {}, it moves ahead.
nbr1(_x: {}, "{}");
nbr1(_x: 1, "1");
nbr1(_x: Integer, "Integer");

#? nbr1(1, r)
#= {"r": "{}"}
#= {"r": "1"}
#= {"r": "Integer"}

nbr2(_x: {}, "{}");
nbr2(_x: Integer, "Integer");
nbr2(_x: 1, "1");

#? nbr2(1, r)
#= {"r": "Integer"}
#= {"r": "{}"}
#= {"r": "1"}

# Per-parameter, left to right: the first parameter decides.
h(_x, _y: Integer, "var,Int");
h(_x: Integer, _y, "Int,var");
h(_x: Integer, _y: Integer, "Int,Int");
h(_x, _y, "var,var");

#? h(1, 2, r)
#= {"r": "Int,Int"}
#= {"r": "Int,var"}
#= {"r": "var,Int"}
#= {"r": "var,var"}

# Equal specializers on the first parameter: the second decides.
i(_x: Integer, _y, "Int,var");
i(_x: Integer, _y: {k: 1}, "Int,{k}");
i(_x: Integer, _y: Dictionary, "Int,Dictionary");

#? i(1, {k: 1}, r)
#= {"r": "Int,Dictionary"}
#= {"r": "Int,{k}"}
#= {"r": "Int,var"}

# A literal specializer and a class specializer tie.
j(_x: Integer, "Integer");
j(_x: 1, "1");
k(_x: 1, "1");
k(_x: Integer, "Integer");

#? j(1, r)
#= {"r": "Integer"}
#= {"r": "1"}

#? k(1, r)
#= {"r": "1"}
#= {"r": "Integer"}

# A list pattern and the List class tie.
l(_x: List, "List");
l(_x: [1, 2], "[1,2]");

#? l([1, 2], r)
#= {"r": "List"}
#= {"r": "[1,2]"}

# String and Integer specializers are never both applicable; rules that
# do not apply are simply skipped.
m(_x: String, "String");
m(_x, "any");
m(_x: Integer, "Integer");

#? m(1, r)
#= {"r": "Integer"}
#= {"r": "any"}

#? m("s", r)
#= {"r": "String"}
#= {"r": "any"}

# Ordering applies per call, so different arguments can give different
# orders for the same rules.
n(_x: {a: 1}, "{a}");
n(_x: {a: 1, b: 2}, "{a,b}");
n(_x, "any");

#? n({a: 1}, r)
#= {"r": "{a}"}
#= {"r": "any"}

#? n({a: 1, b: 2}, r)
#= {"r": "{a,b}"}
#= {"r": "{a}"}
#= {"r": "any"}

# With cut, the most specific clause wins.
cutpick(_x, "any") if cut;
cutpick(_x: Integer, "int") if cut;

#? cutpick(1, r)
#= {"r": "int"}

#? cutpick("s", r)
#= {"r": "any"}
