# Comments between conjuncts and between bracketed elements are laid out; one
# inside an operator expression keeps its rule verbatim.
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
verbatim(x) if x = # between = and its operand
    1;
args(
    a,  # the first parameter
    # above the second
    b
) if f(a, b);
roles_doc(x) if x in [
    "reader",  # can read
    "writer"   # can write
    # no admin yet
];
