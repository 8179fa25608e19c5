type score(name: String, points: Integer);
score("ada", 10);
score("ben", 7);
?- score(who, p) and p > 8
