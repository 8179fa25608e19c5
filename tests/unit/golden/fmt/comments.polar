# A file comment.


# Another, after two blank lines (kept as one).
f(1);  # trailing, after the semicolon
f(2);
# leading comment of g
g(x) if f(x);



h(x) if
    # a comment between conjuncts stays above its conjunct
    f(x) and
    g(x);

resource Repo {  # after the brace
    # before roles
    roles = ["a"];  # trailing roles

    # before a shorthand rule
    "a" if "b";
    permissions = [
        "read"  # inside a production: kept as written
    ];
    # at the end of the block
}

#? f(x)
#= {"x": 1}
#= {"x": 2}
# the end
