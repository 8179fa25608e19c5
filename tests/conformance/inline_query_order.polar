# Inline queries run last-to-first: with two failing inline queries, the
# one further down is reported ("Inline query failed: 4 = 5 at line 6,
# column 4").

?= 2 = 3;
?= 4 = 5;

#!load InlineQueryFailedError 6:4
