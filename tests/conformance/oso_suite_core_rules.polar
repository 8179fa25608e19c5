# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs:
# rule resolution, backtracking and result order. Each Oso test's policy keeps
# its shape; predicate names carry a suffix (f_fn, k_fn, ...) because every
# case of this file shares one knowledge base, where Oso's tests called
# clear_rules() between policies. Expectations regenerated from npm oso 0.27.3.

# test_functions
f_fn(1);
f_fn(2);
g_fn(1);
g_fn(2);
h_fn(2);
k_fn(x) if f_fn(x) and h_fn(x) and g_fn(x);

#? k_fn(1)
#= none
#? k_fn(2)
#= {}
#? k_fn(3)
#= none
#? k_fn(a)
#= {"a": 2}

# test_jealous
loves("vincent", "mia");
loves("marcellus", "mia");
jealous(a, b) if loves(a, c) and loves(b, c);

#? jealous(who, of)
#= {"who": "vincent", "of": "vincent"}
#= {"who": "vincent", "of": "marcellus"}
#= {"who": "marcellus", "of": "vincent"}
#= {"who": "marcellus", "of": "marcellus"}

# test_nested_rule
f_nest(x) if g_nest(x);
g_nest(x) if h_nest(x);
h_nest(2);
g_nest(x) if j_nest(x);
j_nest(4);

#? f_nest(2)
#= {}
#? f_nest(3)
#= none
#? f_nest(4)
#= {}
#? j_nest(4)
#= {}

# test_bad_functions
f_bad(2);
f_bad(1);
g_bad(1);
g_bad(2);
h_bad(2);
k_bad(x) if f_bad(x) and h_bad(x) and g_bad(x);

#? k_bad(a)
#= {"a": 2}

# test_functions_reorder: Oso loads all 720 orders of these six clauses; a
# sample of orders is kept here (k_ro1 .. k_ro4), each must give k(2) only.
k_ro1(x) if f_ro1(x) and g_ro1(x) and h_ro1(x);
h_ro1(2);
g_ro1(2);
g_ro1(1);
f_ro1(2);
f_ro1(1);

f_ro2(2);
k_ro2(x) if f_ro2(x) and g_ro2(x) and h_ro2(x);
g_ro2(1);
h_ro2(2);
f_ro2(1);
g_ro2(2);

g_ro3(2);
g_ro3(1);
h_ro3(2);
f_ro3(1);
f_ro3(2);
k_ro3(x) if f_ro3(x) and g_ro3(x) and h_ro3(x);

h_ro4(2);
f_ro4(1);
k_ro4(x) if f_ro4(x) and g_ro4(x) and h_ro4(x);
g_ro4(2);
f_ro4(2);
g_ro4(1);

#? k_ro1(1)
#= none
#? k_ro1(2)
#= {}
#? k_ro1(a)
#= {"a": 2}
#? k_ro2(1)
#= none
#? k_ro2(2)
#= {}
#? k_ro2(a)
#= {"a": 2}
#? k_ro3(1)
#= none
#? k_ro3(2)
#= {}
#? k_ro3(a)
#= {"a": 2}
#? k_ro4(1)
#= none
#? k_ro4(2)
#= {}
#? k_ro4(a)
#= {"a": 2}

# test_results
foo_res(1);
foo_res(2);
foo_res(3);

#? foo_res(a)
#= {"a": 1}
#= {"a": 2}
#= {"a": 3}

# test_result_permutations: results come in source order (a sample of the
# 120 orders Oso checks).
foo_p1(3);
foo_p1(1);
foo_p1(5);
foo_p1(2);
foo_p1(4);
foo_p2(5);
foo_p2(4);
foo_p2(3);
foo_p2(2);
foo_p2(1);

#? foo_p1(a)
#= {"a": 3}
#= {"a": 1}
#= {"a": 5}
#= {"a": 2}
#= {"a": 4}
#? foo_p2(a)
#= {"a": 5}
#= {"a": 4}
#= {"a": 3}
#= {"a": 2}
#= {"a": 1}

# test_multi_arg_method_ordering
bar_ord(2, 1);
bar_ord(1, 1);
bar_ord(1, 2);
bar_ord(2, 2);

#? bar_ord(a, b)
#= {"a": 2, "b": 1}
#= {"a": 1, "b": 1}
#= {"a": 1, "b": 2}
#= {"a": 2, "b": 2}

# test_no_applicable_rules: a rule that does not exist is an error; one that
# exists with another arity just fails.
f_noapp(_);

#? no_such_rule_anywhere()
#! RuntimeError::QueryForUndefinedRule -- Query for undefined rule `no_such_rule_anywhere`
#? f_noapp()
#= none

# test_ait_kaci_34 (Aït-Kaci's WAM tutorial, page 34)
a_ak() if b_ak(x) and c_ak(x);
b_ak(x) if e_ak(x);
c_ak(1);
e_ak(x) if f_ak(x);
e_ak(x) if g_ak(x);
f_ak(2);
g_ak(1);

#? a_ak()
#= {}

# test_retries
f_rt(1);
f_rt(2);
g_rt(1);
g_rt(2);
h_rt(2);
k_rt(x) if f_rt(x) and h_rt(x) and g_rt(x);
k_rt(3);

#? k_rt(1)
#= none
#? k_rt(2)
#= {}
#? k_rt(a)
#= {"a": 2}
#= {"a": 3}
#? k_rt(3)
#= {}

# test_two_rule_bodies
f_2b(x) if x = y and g_2b(y);
g_2b(y) if y = 1;

#? f_2b(x)
#= {"x": 1}

# test_two_rule_bodies_not_nested
f_2n(x) if a_2n(x);
f_2n(1);
a_2n(_x) if false;

#? f_2n(x)
#= {"x": 1}

# test_two_rule_bodies_nested
f_2nn(x) if a_2nn(x);
f_2nn(1);
a_2nn(x) if g_2nn(x);
g_2nn(_x) if false;

#? f_2nn(x)
#= {"x": 1}

# test_unify_and
f_ua(x, y) if a_ua(x) and y = 2;
a_ua(1);
a_ua(3);

#? f_ua(x, y)
#= {"x": 1, "y": 2}
#= {"x": 3, "y": 2}

# test_rule_order
a_order("foo");
a_order("bar");
a_order("baz");

#? a_order(x)
#= {"x": "foo"}
#= {"x": "bar"}
#= {"x": "baz"}

# test_duplicated_rule
f_dup(1);
f_dup(1);

#? f_dup(x)
#= {"x": 1}
#= {"x": 1}

# test_rule_index (also polar-core/src/rules.rs test_rule_index)
f_idx(1, 1, "x");
f_idx(1, 1, "y");
f_idx(1, x, "y") if x = 2;
f_idx(1, 2, {b: "y"});
f_idx(1, 3, {c: "z"});

#? f_idx(1, 1, "x")
#= {}
#? f_idx(1, 1, "y")
#= {}
#? f_idx(1, x, "y")
#= {"x": 1}
#= {"x": 2}
#? f_idx(1, 1, "z")
#= none
#? f_idx(1, 2, "x")
#= none
#? f_idx(1, 2, {b: "y"})
#= {}
#? f_idx(1, 3, {c: "z"})
#= {}
#? f_idx(a, b, c)
#= {"a": 1, "b": 1, "c": "x"}
#= {"a": 1, "b": 1, "c": "y"}
#= {"a": 1, "b": 2, "c": "y"}
#= {"a": 1, "b": 2, "c": {"b": "y"}}
#= {"a": 1, "b": 3, "c": {"c": "z"}}

# test_fib
fib(0, 1) if cut;
fib(1, 1) if cut;
fib(n, a + b) if fib(n - 1, a) and fib(n - 2, b);

#? fib(0, x)
#= {"x": 1}
#? fib(1, x)
#= {"x": 1}
#? fib(2, x)
#= {"x": 2}
#? fib(3, x)
#= {"x": 3}
#? fib(4, x)
#= {"x": 5}
#? fib(5, x)
#= {"x": 8}

# test_emoji_policy
👩‍🔧("👩‍🦰");
allow(👩, "🛠", "🚙") if 👩‍🔧(👩);

#? allow("👩‍🦰","🛠","🚙")
#= {}
#? allow("🧟","🛠","🚙")
#= none

# test_load_str_with_query: inline queries that succeed.
f_iq(1);
f_iq(2);
?= f_iq(1);
?= not f_iq(3);

#? f_iq(x)
#= {"x": 1}
#= {"x": 2}

# test_partial_grounding
f_pg(x, n) if n > 0 and x.n = n;
g_pg(x, n) if x.n = n and n > 0;

#? f_pg({n:1},x)
#= {"x": 1}
#? g_pg({n:1},x)
#= {"x": 1}
#? f_pg({n:1},x) and x = 2
#= none
#? g_pg({n:1},x) and x = 2
#= none

# test_expressions_in_lists
scope(actor: Dictionary, "read", "Person", filters) if
    filters = ["id", "=", actor.id];

#? scope({id: 1}, "read", "Person", ["id", "=", 1])
#= {}
#? scope({id: 2}, "read", "Person", ["id", "=", 1])
#= none
#? scope({id: 1}, "read", "Person", ["not_id", "=", 1])
#= none
#? d = {x: 1} and [d.x, 1+1] = [1, 2]
#= {"d": {"x": 1}}
#? d = {x: 1} and [d.x, 1+1] = [1, *rest]
#= {"d": {"x": 1}, "rest": [2]}

# test_keyword_dot: field names may be keywords.
f_kw(a, b) if a.in(b);
g_kw(a, b) if a.new(b);

#? x = {debug: 1, new: 2, type: 3} and x.debug + x.new = x.type
#= {"x": {"debug": 1, "new": 2, "type": 3}}

# test_print
f_print(x, y, z) if print(x, y, z);

# prints: 1, 2, 3
#? f_print(1, 2, 3)
#= {}

# test_equality, test_and
#? 1 = 1
#= {}
#? 1 = 2
#= none
f_and(1);
f_and(2);
#? f_and(1) and f_and(2)
#= {}
#? f_and(1) and f_and(2) and f_and(3)
#= none

# test_lookup, test_symbol_lookup
#? {x: 1}.x = 1
#= {}
#? {x: 1}.x = res
#= {"res": 1}
#? {x: 1} = d and d.x = res
#= {"d": {"x": 1}, "res": 1}

# test_boolean_expression
#? a = {t: true, f: false} and a.t
#= {"a": {"f": false, "t": true}}
#? a = {t: true, f: false} and a.f
#= none
#? a = {t: true, f: false} and a.f and a.t
#= none
#? a = {t: true, f: false} and (a.f or a.t)
#= {"a": {"f": false, "t": true}}
#? true
#= {}
#? false
#= none
#? a = true and a
#= {"a": true}
#? a = false and a
#= none

# test_anonymous_vars
#? [1,2,3] = [_,_,_]
#= {}
#? [1,2,3] = [__,__,__]
#= none

# test_unknown_specializer_warning / test_unknown_specializer_suggestions:
# these load with a warning; an unknown specializer never matches.
f_unknown(_: A);
f_unknown_s(s: string) if s;

#? f_unknown(1)
#! UnregisteredClassError -- Unregistered class: A.
#? f_unknown_s("x")
#! UnregisteredClassError -- Unregistered class: string.

# test_and_or_warning: `x and y or z` parses as `(x and y) or z` (with a
# warning); `x or y and z` as `x or (y and z)`.
f_aow(x) if x = 1 and x > 1 or x < 3;
g_aow(x) if x = 1 or x > 1 and x < 3;
h_aow(x) if x = 1 and x > 1 or x < 3;

#? f_aow(2)
#= {}
#? f_aow(5)
#= none
#? g_aow(1)
#= {}
#? g_aow(2)
#= {}
#? g_aow(5)
#= none
#? h_aow(2)
#= {}
#? h_aow(1)
#= {}

# polar-core/src/rewrites.rs: terms the rewriter lifts out (dot lookups and
# arithmetic in heads and arguments, lookups under `not` and in forall).
sum(a, b, a + b);
fib_rw(n, a + b) if fib_rw_base(n - 1, a) and fib_rw_base(n - 2, b);
fib_rw_base(_, 1);
f_rw(a, c, e) if a.b(c.d(e.f()));
foo_rw(z, y) if forall(x in y, x.n < z);

#? sum(1, 2, x)
#= {"x": 3}
#? sum(1, 2, 3)
#= {}
#? sum(1, 2, 4)
#= none
#? fib_rw(5, x)
#= {"x": 2}
#? foo_rw(3, [{n: 1}, {n: 2}])
#= {}
#? foo_rw(2, [{n: 1}, {n: 2}])
#= none
#? 0 - 0 = 0
#= {}
#? x = true and a = {b: true} and x and a.b
#= {"x": true, "a": {"b": true}}
#? x = true and a = {b: false} and x and a.b
#= none
#? foo = {x: 2} and not foo.x = 1
#= {"foo": {"x": 2}}
#? foo = {x: 1} and not foo.x = 1
#= none
#? a = {b: {c: 1}} and a.b.c = 1
#= {"a": {"b": {"c": 1}}}
#? f_rw({}, {}, {})
#~ JS host: a method call on a dictionary is a call on the JS object ("Dict {}.f is not a function", an Application error); a C++ dictionary has no such methods (TypeError)
#! RuntimeError::TypeError -- cannot look up f() in a dictionary: keys are strings
