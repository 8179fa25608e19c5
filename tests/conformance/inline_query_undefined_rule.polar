# An inline query calling a rule that does not exist fails the load with
# RuntimeError::QueryForUndefinedRule ("Query for undefined rule `g`").
# Oso's message has no position, so the #!load line has none either.

?= g(1);

#!load RuntimeError::QueryForUndefinedRule
