# Recursive rules.  Oso's VM has a goal-stack limit (MAX_GOALS = 10000):
# deep recursion raises RuntimeError::StackOverflow "Goal stack
# overflow! MAX_GOALS = 10000".  Keep recursion shallow in tests.

edge("a", "b");
edge("b", "c");
edge("c", "d");
path(x, y) if edge(x, y);
path(x, y) if edge(x, z) and path(z, y);

#? path("a", "d")
#= {}

#? path("a", x)
#= {"x": "b"}
#= {"x": "c"}
#= {"x": "d"}

#? path(x, "a")
#= none

len([], 0);
len([_, *t], n) if len(t, k) and n = k + 1;

#? len([1, 2, 3, 4, 5], n)
#= {"n": 5}

sum([], 0);
sum([h, *t], s) if sum(t, r) and s = h + r;

#? sum([1, 2, 3.5], s)
#= {"s": 6.5}

fact(0, 1);
fact(n, f) if n > 0 and fact(n - 1, g) and f = n * g;

#? fact(10, f)
#= {"f": 3628800}

#? fact(20, _f) and _f = 2432902008176640000
#= {}

# 21! overflows 64 bits.
#? fact(21, f)
#! RuntimeError::ArithmeticError -- Arithmetic error: 21 * 2432902008176640000 = __op_5_N at line 35, column 48 of file recursion.polar

reverse([], acc, acc);
reverse([h, *t], acc, out) if reverse(t, [h, *acc], out);

#? reverse([1, 2, 3], [], r)
#= {"r": [3, 2, 1]}

count(n, n);
count(n, m) if n < m and count(n + 1, m);

#? count(1, 100)
#= {}

# Mutual recursion.
even(0);
even(n) if n > 0 and odd(n - 1);
odd(n) if n > 0 and even(n - 1);

#? even(10)
#= {}

#? odd(10)
#= none

#? odd(7)
#= {}

# Infinite results, limited.
nat(0);
nat(n) if nat(m) and n = m + 1;

#?[limit=5] nat(n)
#= {"n": 0}
#= {"n": 1}
#= {"n": 2}
#= {"n": 3}
#= {"n": 4}

#?[limit=1] nat(n) and n > 3
#= {"n": 4}

# Left recursion with no base case that can end it overflows the stack.
loop() if loop();

#? loop()
#! RuntimeError::StackOverflow -- Goal stack overflow! MAX_GOALS = 10000

# Deep but finite recursion still hits Oso's goal limit; an engine with
# a bigger stack may answer.
down(0);
down(n) if n > 0 and down(n - 1);

#? down(500)
#= {}

#? down(5000)
#~ Oso's 10,000-goal stack limit (RuntimeError::StackOverflow); the recursion is finite and an engine without that limit answers {}.
#= {}
