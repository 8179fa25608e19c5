# A failing inline query makes the load fail with InlineQueryFailedError
# ("Inline query failed: f(2) at line 7, column 4"; the position is the
# start of the query after `?= `).  Oso keeps the rules that were loaded.

f(1);
?= f(1);
?= f(2);

#!load InlineQueryFailedError 7:4
