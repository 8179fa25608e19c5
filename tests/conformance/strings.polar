# Strings: literals, equality, ordering, iteration with `in`, no
# concatenation.  (Escapes: escapes.polar.)

greeting("hello");
greeting("héllo wörld");
greeting("");
greeting("日本語");

#? greeting(g)
#= {"g": "hello"}
#= {"g": "héllo wörld"}
#= {"g": ""}
#= {"g": "日本語"}

#? greeting("hello")
#= {}

#? greeting("Hello")
#= none

#? x = "with space"
#= {"x": "with space"}

# `#` inside a string is not a comment.
#? x = "# not a comment"
#= {"x": "# not a comment"}

#? x = "abc" and x = "abc"
#= {"x": "abc"}

#? x = "a" and y = "b" and x != y
#= {"x": "a", "y": "b"}

#? "abc" = "abc "
#= none

# A literal tab character inside a string is kept.
#? x = "a	b"
#= {"x": "a\tb"}

# `in` on a string iterates its characters (Unicode scalar values).
#? x in "abc"
#= {"x": "a"}
#= {"x": "b"}
#= {"x": "c"}

#? x in "hé😀"
#= {"x": "h"}
#= {"x": "é"}
#= {"x": "😀"}

#? "b" in "abc"
#= {}

# `in` on strings is per character, not substring search.
#? "bc" in "abc"
#= none

#? "" in "abc"
#= none

#? x in ""
#= none

# Strings cannot be added or concatenated.
#? x = "a" + "b"
#! RuntimeError::Unsupported -- Not supported: unsupported arithmetic operands: "a" + "b" = _op_N at line 1, column 5

#? x = "a" * 2
#! RuntimeError::Unsupported -- Not supported: unsupported arithmetic operands: "a" * 2 = _op_N at line 1, column 5

# Strings are not lists.
#? "ab" = ["a", "b"]
#= none

#? x = "ab" and [a, *_] = x
#= none

# Comparisons.
#? "apple" < "banana"
#= {}

#? "Zebra" < "apple"
#= {}

#? "abc" == "abc"
#= {}

# String arguments to rules.
shout("hi", "HI");
shout("yo", "YO");

#? shout(s, "YO")
#= {"s": "yo"}

#? shout("hi", u) and u != "hi"
#= {"u": "HI"}
