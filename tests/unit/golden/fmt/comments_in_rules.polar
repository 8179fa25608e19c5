# Comments between conjuncts are laid out; one inside a conjunct keeps its rule verbatim.
h(x) if
    # a comment before the first conjunct
    f(x) and  # after and
    # before g
    g(x);
k(x) if  # after if
    f(x);
m(x) if f(x) or  # why
    g(x);
n(x) if f(x, # inside
  1);
before_or(x) if # after if
    x = 1 # before or
    or
    x = 2;
