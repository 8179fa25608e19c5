# Predicates of 8 clauses or more are looked up through an argument index:
# the constant argument whose index lists the fewest clauses is used, not
# always the first. Here every clause has a variable first (as the rules a
# resource block's shorthand expands to), so the role, second, selects; the
# open clauses (a variable there) still come in source order among them.
role(_user, "r0", "held by r0");
role(_user, "r1", "held by r1");
role(_user, other, "any role, first") if other != "r3";
role(_user, "r2", "held by r2");
role(_user, "r0", "r0 again");
role(_user, "r3", "held by r3");
role(_user, "r4", "held by r4");
role(_user, other, "any role, last") if other != "r4";
role(_user, "r5", "held by r5");

implied(user, "r0") if implied(user, "r1");
implied(user, "r1") if implied(user, "r2");
implied(user, "r2") if implied(user, "r3");
implied(user, "r3") if implied(user, "r4");
implied(user, "r4") if implied(user, "r5");
implied(user, "r5") if implied(user, "r6");
implied(user, "r6") if implied(user, "r7");
implied(user, "r7") if assigned(user, "r7");
assigned("alice", "r7");

#? role("alice", "r0", why)
#= {"why": "held by r0"}
#= {"why": "any role, first"}
#= {"why": "r0 again"}
#= {"why": "any role, last"}
#? role("alice", "r3", why)
#= {"why": "held by r3"}
#= {"why": "any role, last"}
#? role("alice", "r4", why)
#= {"why": "any role, first"}
#= {"why": "held by r4"}
#? role("alice", "r9", why)
#= {"why": "any role, first"}
#= {"why": "any role, last"}
#? role("alice", role, "held by r2")
#= {"role": "r2"}
#? role("alice", "r1", "held by r1")
#= {}
#? implied("alice", "r0")
#= {}
#? implied("bob", "r0")
#= none
#? implied(who, "r2")
#= {"who": "alice"}
