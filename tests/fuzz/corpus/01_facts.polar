# facts and a query over them
parent("ada", "ben");
parent("ada", "cleo");
parent("ben", "dora");
?- parent("ada", x)
