# A Float specializer does not satisfy an Integer rule type; nor does a
# float literal.  (Oso's JS host accepts the reverse, an Integer rule for a
# Float type, because it registers Integer and Float as the same JS
# class; see docs/oso-reference-notes.md.)

type f(x: Integer);
f(_x: Float);

#!load ValidationError::InvalidRule 7:1
