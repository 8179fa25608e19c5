# A backslash directly before a line break inside a string literal is an
# escaped line break: the string contains "\n" (the break is kept, not
# removed as in C).  Kept apart from escapes.polar because a lexer that
# rejects it fails the whole file.

cont("first\
second");

#? cont(x)
#= {"x": "first\nsecond"}

#? cont("first\nsecond")
#= {}
