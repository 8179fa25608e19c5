# String escapes.  Recognised: \n \r \t \0 \\ \".  Any other escaped
# character stands for itself (\a is "a", \u{41} is "u{41}").  A
# backslash before a line break: escapes_line_break.polar; a raw line
# break in a string is a parse error (parse_error_newline_in_string.polar).

esc("line\nbreak");
esc("tab\there");
esc("quote\"inside");
esc("back\\slash");
esc("cr\rlf");
esc("nul\0char");

#? esc(x)
#= {"x": "line\nbreak"}
#= {"x": "tab\there"}
#= {"x": "quote\"inside"}
#= {"x": "back\\slash"}
#= {"x": "cr\rlf"}
#= {"x": "nul\u0000char"}

#? x = "a\nb"
#= {"x": "a\nb"}

#? x = "a\tb"
#= {"x": "a\tb"}

#? x = "q\"q"
#= {"x": "q\"q"}

#? x = "back\\slash"
#= {"x": "back\\slash"}

#? x = "a\rb"
#= {"x": "a\rb"}

#? x = "\0"
#= {"x": "\u0000"}

#? x = "\\n"
#= {"x": "\\n"}

#? x = "a\\"
#= {"x": "a\\"}

#? x = "\""
#= {"x": "\""}

# Unknown escapes: the backslash is dropped.
#? x = "\a"
#= {"x": "a"}

#? x = "\u{41}"
#= {"x": "u{41}"}

#? x = "\x41"
#= {"x": "x41"}

#? x = "\u00e9"
#= {"x": "u00e9"}

#? x = "\/"
#= {"x": "/"}

#? x = "\b"
#= {"x": "b"}

#? x = "\ "
#= {"x": " "}

# Escaped and literal forms are the same string.
#? "\t" = "	"
#= {}

#? "a\"b" = x and x in ["a\"b"]
#= {"x": "a\"b"}

# Escapes count as one character when iterating.
#? x in "a\nb"
#= {"x": "a"}
#= {"x": "\n"}
#= {"x": "b"}
