color("red"); color("green");
warm(c) if c = "red" or c = "orange";
cold(c) if color(c) and not warm(c);
?- cold(c) or warm("orange")
