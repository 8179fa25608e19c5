# The pure-logic benchmark programs, shared by polar_bench, the Oso runner and
# (translated clause for clause) bench/swi/programs.pl.
fib(0, 0);
fib(1, 1);
fib(n, r) if n > 1 and fib(n - 1, a) and fib(n - 2, b) and r = a + b;

app([], l, l);
app([h, *t], l, [h, *r]) if app(t, l, r);
nrev([], []);
nrev([h, *t], r) if nrev(t, rt) and app(rt, [h], r);
range(0, []);
range(n, [n, *t]) if n > 0 and range(n - 1, t);
nrev_times(0, _);
nrev_times(n, l) if n > 0 and nrev(l, _) and nrev_times(n - 1, l);

chain0(x) if x = 1;
chain1(x) if chain0(x);
chain2(x) if chain1(x);
chain3(x) if chain2(x);
chain4(x) if chain3(x);
chain5(x) if chain4(x);
chain6(x) if chain5(x);
chain7(x) if chain6(x);
chain8(x) if chain7(x);
chain9(x) if chain8(x);
chain10(x) if chain9(x);
chain11(x) if chain10(x);
chain12(x) if chain11(x);
chain13(x) if chain12(x);
chain14(x) if chain13(x);
chain15(x) if chain14(x);
chain16(x) if chain15(x);
chain17(x) if chain16(x);
chain18(x) if chain17(x);
chain19(x) if chain18(x);
chain20(x) if chain19(x);

# `in` over a host list (polar_bench --list-workload, Oso's queryRule) and
# over a list built here (the whole-run and scaling rows).
in_list(x, l) if x in l;
in_range(n) if range(n, l) and 1 in l;

# A deep RBAC role hierarchy, as a resource block's shorthand rules
# `"r0" if "r1"; ... "r19" if "r20";` expand (without the specializers,
# which need host classes): every clause has the same first argument, so
# only the role, the second, tells them apart. 100 decisions a run.
rbac_repeat(0);
rbac_repeat(n) if
    n > 0 and
    rbac_allow("alice", "read", "repo") and
    rbac_repeat(n - 1);
rbac_allow(user, "read", resource) if rbac_role(user, "r0", resource);
rbac_role(user, "r0", resource) if rbac_role(user, "r1", resource);
rbac_role(user, "r1", resource) if rbac_role(user, "r2", resource);
rbac_role(user, "r2", resource) if rbac_role(user, "r3", resource);
rbac_role(user, "r3", resource) if rbac_role(user, "r4", resource);
rbac_role(user, "r4", resource) if rbac_role(user, "r5", resource);
rbac_role(user, "r5", resource) if rbac_role(user, "r6", resource);
rbac_role(user, "r6", resource) if rbac_role(user, "r7", resource);
rbac_role(user, "r7", resource) if rbac_role(user, "r8", resource);
rbac_role(user, "r8", resource) if rbac_role(user, "r9", resource);
rbac_role(user, "r9", resource) if rbac_role(user, "r10", resource);
rbac_role(user, "r10", resource) if rbac_role(user, "r11", resource);
rbac_role(user, "r11", resource) if rbac_role(user, "r12", resource);
rbac_role(user, "r12", resource) if rbac_role(user, "r13", resource);
rbac_role(user, "r13", resource) if rbac_role(user, "r14", resource);
rbac_role(user, "r14", resource) if rbac_role(user, "r15", resource);
rbac_role(user, "r15", resource) if rbac_role(user, "r16", resource);
rbac_role(user, "r16", resource) if rbac_role(user, "r17", resource);
rbac_role(user, "r17", resource) if rbac_role(user, "r18", resource);
rbac_role(user, "r18", resource) if rbac_role(user, "r19", resource);
rbac_role(user, "r19", resource) if rbac_role(user, "r20", resource);
rbac_role(user, "r20", resource) if rbac_assigned(user, "r20", resource);
rbac_assigned("alice", "r20", "repo");
