# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs:
# not, or, cut, forall, unification and variable bindings. Predicate names
# carry a suffix where Oso's tests reused a name after clear_rules(), since
# every case of this file shares one knowledge base. Expectations regenerated
# from npm oso 0.27.3.

# test_not
odd_n(1);
even_n(2);

#? odd_n(1)
#= {}
#? not odd_n(1)
#= none
#? even_n(1)
#= none
#? not even_n(1)
#= {}
#? odd_n(2)
#= none
#? not odd_n(2)
#= {}
#? even_n(2)
#= {}
#? not even_n(2)
#= none
#? even_n(3)
#= none
#? not even_n(3)
#= {}

f_not(x) if not a_not(x);
a_not(1);
b_not(2);
g_not(x) if not (a_not(x) or b_not(x));

#? f_not(1)
#= none
#? f_not(2)
#= {}
#? g_not(1)
#= none
#? g_not(2)
#= none
#? g_not(3)
#= {}
#? g_not(x) and x=3
#= {"x": 3}
#? x=3 and g_not(x)
#= {"x": 3}

h_not(x) if not (not (x = 1 or x = 3) or x = 3);

#? h_not(1)
#= {}
#? h_not(2)
#= none
#? h_not(3)
#= none
#? d = {x: 1} and not d.x = 2
#= {"d": {"x": 1}}

# Negate And with an unbound variable.
i_not(x, y) if not (y = 2 and x = 1);
#? i_not(2,y)
#~ Oso lists y as an unbound variable tied to the rule parameter; our mark of that tie is undone when the `not` backtracks over y = 2, so y is left out (an unbound variable either way)
#= {}

# Negate Or with an unbound variable.
j_not(x, y) if not (y = 2 or x = 1);
#? j_not(2, y)
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

# test_or
f_or(x) if a_or(x) or b_or(x);
a_or(1);
b_or(3);

#? f_or(x)
#= {"x": 1}
#= {"x": 3}
#? f_or(1)
#= {}
#? f_or(2)
#= none
#? f_or(3)
#= {}

g_or(x) if a_or(x) or b_or(x) or c_or(x);
c_or(5);

#? g_or(x)
#= {"x": 1}
#= {"x": 3}
#= {"x": 5}
#? g_or(1)
#= {}
#? g_or(2)
#= none
#? g_or(3)
#= {}
#? g_or(5)
#= {}

# test_cut: cut commits to every choice point before it in the rule body.
a_cut(x) if x = 1 or x = 2;
b_cut(x) if x = 3 or x = 4;
bcut(x) if (x = 3 or x = 4) and cut;
c_cut(a, b) if a_cut(a) and b_cut(b) and cut;
c_no_cut(a, b) if a_cut(a) and b_cut(b);
c_partial_cut(a, b) if a_cut(a) and bcut(b);
c_another_partial_cut(a, b) if a_cut(a) and cut and b_cut(b);

#? c_no_cut(a, b)
#= {"a": 1, "b": 3}
#= {"a": 1, "b": 4}
#= {"a": 2, "b": 3}
#= {"a": 2, "b": 4}
#? c_cut(a, b)
#= {"a": 1, "b": 3}
#? c_partial_cut(a, b)
#= {"a": 1, "b": 3}
#= {"a": 2, "b": 3}
#? c_another_partial_cut(a, b)
#= {"a": 1, "b": 3}
#= {"a": 1, "b": 4}

f_cut(x) if x = 1 and cut or x = 2;

#? f_cut(x)
#= {"x": 1}
#? f_cut(1)
#= {}
#? f_cut(2)
#= {}

# test_arithmetic: cut in recursive even/odd.
even_c(0) if cut;
even_c(x) if x > 0 and odd_c(x - 1);
odd_c(1) if cut;
odd_c(x) if x > 0 and even_c(x - 1);

#? even_c(0)
#= {}
#? even_c(1)
#= none
#? even_c(2)
#= {}
#? even_c(3)
#= none
#? even_c(4)
#= {}
#? odd_c(0)
#= none
#? odd_c(1)
#= {}
#? odd_c(2)
#= none
#? odd_c(3)
#= {}
#? odd_c(4)
#= none

# test_forall
all_ones(l) if forall(item in l, item = 1);

#? all_ones([2])
#= none
#? all_ones([1])
#= {}
#? all_ones([1, 1, 1])
#= {}
#? all_ones([1, 2, 1])
#= none

not_ones(l) if forall(item in l, item != 1);

#? not_ones([1])
#= none
#? not_ones([2, 3, 4])
#= {}
#? forall(x = 2 or x = 3, x != 2)
#= none
#? forall(x = 2 or x = 3, x != 3)
#= none
#? forall(x = 2 or x = 3, x = 2 or x = 3)
#= {}
#? forall(x = 1, x = 1)
#= {}
#? forall(x in [2, 3, 4], x > 1)
#= {}

g_fa(1);
g_fa(2);
g_fa(3);

#? forall(g_fa(x), x in [1, 2, 3])
#= {}

test_fa(_: {x: 1}, y) if y = 1;
test_fa(_: {y: 1}, y) if y = 2;
test_fa(_: {z: 1}, y) if y = 3;

#? forall(test_fa({x: 1, y: 1, z: 1}, y), y in [1, 2, 3])
#= {}

# test_forall_with_dot_lookup
foo_fd(x) if forall(y in x.ys, y != 0);
moo_fd({ys}) if forall(y in ys, y != 0);
goo_fd(x) if forall(x matches {ys} and y in ys, y != 0);
boo_fd(x) if forall(y in x.ys, y != 0 and y != 1);

#? foo_fd({ys: []})
#= {}
#? moo_fd({ys: []})
#= {}
#? goo_fd({ys: []})
#= {}
#? foo_fd({ys: [9, 8, 7]})
#= {}
#? moo_fd({ys: [8, 7, 6]})
#= {}
#? goo_fd({ys: [7, 8, 9]})
#= {}
#? foo_fd({ys: [-1, 0, 1]})
#= none
#? moo_fd({ys: [0, 1, 2]})
#= none
#? goo_fd({ys: [2, 1, 0]})
#= none
#? boo_fd({ys: []})
#= {}
#? boo_fd({ys: [9, 8, 7]})
#= {}
#? boo_fd({ys: [-2, -1, 0]})
#= none

# test_forall_with_dots_on_rhs
goo_rhs(x, y) if forall(z in y, z.n < x);

#? goo_rhs(10, [])
#= {}
#? goo_rhs(10, [{n:1}, {n:2}, {n:3}])
#= {}
#? goo_rhs(10, [{n:11}, {n:10}, {n:9}])
#= none

# test_bindings: cycles of variables.
#? x=1
#= {"x": 1}
#? x=x
#= {}
#? x=y and y=x
#= {"x": "<unbound>", "y": "<unbound>"}
#? x=y and y=z
#= {"x": "<unbound>", "y": "<unbound>", "z": "<unbound>"}
#? x=y and z=x
#= {"x": "<unbound>", "y": "<unbound>", "z": "<unbound>"}
#? x=y and y=z and z=w and w=x
#= {"x": "<unbound>", "y": "<unbound>", "z": "<unbound>", "w": "<unbound>"}
#? x=y and y=z and w=z and w=x
#= {"x": "<unbound>", "y": "<unbound>", "z": "<unbound>", "w": "<unbound>"}
#? x=y and w=z and z=x
#= {"x": "<unbound>", "y": "<unbound>", "w": "<unbound>", "z": "<unbound>"}
#? x=y and y=z and z=w and w=x and y=x
#= {"x": "<unbound>", "y": "<unbound>", "z": "<unbound>", "w": "<unbound>"}
#? x=y and y=z and z=w and w=v and v=u
#= {"x": "<unbound>", "y": "<unbound>", "z": "<unbound>", "w": "<unbound>", "v": "<unbound>", "u": "<unbound>"}
#? x=y and y=z and w=v and v=u and u=x
#= {"x": "<unbound>", "y": "<unbound>", "z": "<unbound>", "w": "<unbound>", "v": "<unbound>", "u": "<unbound>"}

# test_assignment
#? x := 5 and x == 5
#= {"x": 5}
#? x := 5 and x := 6
#! RuntimeError::TypeError -- Type error: Can only assign to unbound variables, x is not unbound. at line 1, column 12
#? x := 5 and x > 6
#= none
#? x := y and y = 6 and x = 6
#= {"x": 6, "y": 6}

# test_circular_data: see oso_suite_core_cyclic.polar.

# test_external_unify (with dictionaries instead of host instances)
selfEq(x) if eq_ext(x, x);
eq_ext(x, x);

#? selfEq({a: 1})
#= {}
#? eq_ext({a: 1}, {a: 1})
#= {}
#? eq_ext({a: 1}, {a: 2})
#= none

# test_data_filtering_dict_specializers / _pattern_specializers: the answer
# is a constraint on x, which a host rejects unless it accepts expressions.
allow_dfd(x, "read", _y: {x: x});
allow_dfp(x, "read", _y: Dictionary{x: x});
allow_dfb(x, "read", _y) if x = _y.x;

#? allow_dfd("gwen", "read", x)
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when
#? allow_dfp("gwen", "read", x)
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when
#? allow_dfb("gwen", "read", x)
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

# languages/rust/oso/tests/test_polar.rs test_exclusive_isa: a variable cannot
# be both an Integer and a String.
foo_ex(x: Integer) if x matches String;
boo_ex(x) if x.a matches String and x.a matches Integer;
moo_ex(x: Integer) if y matches String and y = x;
goo_ex(x) if x.a matches String and y.a matches Integer and x = y;
zoo_ex(x) if x.a.b matches String and y.a.b matches Integer and x = y;
roo_ex(x) if x.a.b matches String and x.a.b matches Integer;

#? x matches Integer and x matches String
#= none
#? x.a matches Integer and x.a matches String
#= none
#? foo_ex(x)
#= none
#? boo_ex(x)
#= none
#? goo_ex(x)
#= none
#? moo_ex(x)
#= none
#? roo_ex(x)
#= none
#? zoo_ex(x)
#= none

# languages/rust/oso/tests/test_polar.rs test_expression_error,
# languages/js/src/Polar.test.ts "errors on expressions when acceptExpression
# isn't set": an unbound constraint in the answer is an error.
f_expr(x) if x > 2;

#? f_expr(x)
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when
#? f_expr(3)
#= {}
#? f_expr(x) and x = 1
#= none
