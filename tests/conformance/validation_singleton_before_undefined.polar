# Singleton checking happens before undefined-rule checking: the
# singleton in the later rule is reported, not the undefined call to g.

f() if g();
h(x);

#!load ValidationError::SingletonVariable 5:3
