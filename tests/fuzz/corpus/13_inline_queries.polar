even(0);
even(n) if n > 0 and odd(n - 1);
odd(n) if n > 0 and even(n - 1);
?= even(4);
?= odd(3) and print("checked", 3);
