# `x matches P`: P is a class name (built-in classes only here), a class
# pattern `Class{field: value}`, a dictionary pattern (subset match,
# recursive), a list pattern, or a literal.  A bare name on the right is
# always a class name, never a variable.

#? 1 matches Integer
#= {}

#? 1.5 matches Float
#= {}

#? "a" matches String
#= {}

#? true matches Boolean
#= {}

#? [] matches List
#= {}

#? {} matches Dictionary
#= {}

#? {a: 1} matches Dictionary
#= {}

# Integer and Float are distinct classes.
#? 1 matches Float
#~ JS host artefact: Oso's JS host maps both Integer and Float to JS Number, so 1 matches Float there; an integer is not a Float.
#= none

#? 1.5 matches Integer
#~ JS host artefact: Oso's JS host maps both Integer and Float to JS Number, so 1.5 matches Integer there; a float is not an Integer.
#= none

#? 1.0 matches Integer
#~ JS host artefact: Oso's JS host maps both Integer and Float to JS Number; 1.0 is a Float, not an Integer.
#= none

# Non-matching classes.
#? true matches Integer
#= none

#? "1" matches Integer
#= none

#? [1] matches Dictionary
#= none

#? {} matches List
#= none

#? nil matches Integer
#= none

# Dictionary patterns: the value must have at least the pattern's keys,
# with matching values; extra keys are fine; nested patterns also match
# as subsets.
#? {a: 1} matches {a: 1}
#= {}

#? {a: 1, b: 2} matches {a: 1}
#= {}

#? {a: 1} matches {a: 1, b: 2}
#= none

#? {a: 1} matches {a: 2}
#= none

#? {a: 1} matches {a: 1.0}
#= {}

#? {a: 1} matches {a: "1"}
#= none

#? {a: {b: 1, c: 2}} matches {a: {b: 1}}
#= {}

#? {a: {b: 1}} matches {a: {b: 1, c: 2}}
#= none

#? {a: 1} matches {a: x}
#= {"x": 1}

#? {a: 1, b: 2} matches {a: x, b: x}
#= none

#? {a: [1, 2]} matches {a: [1, *r]}
#= {"r": [2]}

#? {a: 1} matches {}
#= {}

# Surprise: the empty dictionary pattern matches any value.
#? 1 matches {}
#= {}

#? [1] matches {}
#= {}

# A non-empty dictionary pattern never matches a non-dictionary.
#? 1 matches {a: 1}
#= none

#? [1] matches {a: 1}
#= none

# Class patterns with fields.
#? {a: 1} matches Dictionary{a: 1}
#= {}

#? {a: 1} matches Dictionary{a: 2}
#= none

#? {a: 1} matches Dictionary{b: 1}
#= none

#? {a: 1, b: 2} matches Dictionary{a: 1}
#= {}

#? {a: 1} matches Dictionary{}
#= {}

#? 1 matches Integer{}
#= {}

#? {a: {b: 2, c: 3}} matches {a: Dictionary{b: 2}}
#= {}

# List patterns: same length, elements matched as patterns (so dict
# elements match as subsets).
#? [1] matches [1]
#= {}

#? [1, 2] matches [x, *y]
#= {"x": 1, "y": [2]}

#? [1] matches [x, y]
#= none

#? [1, 2, 3] matches [1, 2]
#= none

#? [{a: 1, z: 0}] matches [{a: 1}]
#= {}

# Literal patterns.
#? 1 matches 1
#= {}

#? 1 matches 2
#= none

#? 1 matches 1.0
#= {}

#? "a" matches "a"
#= {}

#? "a" matches "b"
#= none

# Bound variables on the left.
#? x = {a: 1} and x matches {a: y}
#= {"x": {"a": 1}, "y": 1}

#? x = [1] and x matches List
#= {"x": [1]}

#? x = "s" and x matches String
#= {"x": "s"}

# A bare name on the right is a class name even if a variable of that
# name is bound.
#? y = 1 and 1 matches y
#! UnregisteredClassError -- Unregistered class: y.

# Unknown classes are an error when the match is attempted.
#? 1 matches Foo
#! UnregisteredClassError -- Unregistered class: Foo.

# An unbound variable on the left produces a constraint (partial) that
# Oso cannot return.
#? x matches Integer
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

#? x matches {a: 1}
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

# Precedence: `matches` binds tighter than arithmetic.
#? 1 + 1 matches Integer
#! ParseError::WrongValueType -- Wrong value type: 1 matches Integer{}. Expected a value at line 1, column 5

#? x = 1 + 1 and x matches Integer
#= {"x": 2}
