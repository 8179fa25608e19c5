# Comments run from `#` to the end of the line, anywhere outside
# strings.  Whitespace and line breaks are free between tokens.

f(1);  # a trailing comment
f(2);  # no space before the comment
# f(3); is commented out
g(x) if  # comment inside a rule
    x = 1 or  # and here
    x = 2;  # end
h(
    a,  # first
    b  # second
) if a = "#" and b = "# not a comment";
multi(x) if x = [1, 2];

#? f(x)
#= {"x": 1}
#= {"x": 2}

#? f(3)
#= none

#? g(x)
#= {"x": 1}
#= {"x": 2}

#? h(a, b)
#= {"a": "#", "b": "# not a comment"}

#? multi(x)
#= {"x": [1, 2]}

# Rules may be separated by nothing but the semicolon.
one(1);
two(2);
three(3);

#? one(a) and two(b) and three(c)
#= {"a": 1, "b": 2, "c": 3}

# Variable names may contain digits and underscores; names are
# case-sensitive.
name_with_digits(x1, X1) if x1 = 1 and X1 = 2;

#? name_with_digits(a, b)
#= {"a": 1, "b": 2}

# A rule name may contain digits and underscores too.
rule_2(x) if x = "r2";

#? rule_2(x)
#= {"x": "r2"}
