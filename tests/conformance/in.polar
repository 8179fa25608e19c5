# `x in C`: membership/iteration.  Lists: each element in order (one
# result per matching element, duplicates included).  Dictionaries: each
# [key, value] pair, keys in sorted order.  Strings: each character.
# Unbound right side: a partial (Oso cannot return it).  Anything else:
# TypeError.

#? x in [1, 2, 3]
#= {"x": 1}
#= {"x": 2}
#= {"x": 3}

#? x in []
#= none

#? 2 in [1, 2, 3]
#= {}

#? 4 in [1, 2, 3]
#= none

#? 1 in [1, 1, 1]
#= {}
#= {}
#= {}

#? 1.0 in [1]
#= {}

#? "a" in ["a", "b"]
#= {}

#? [x, y] in [[1, 2], [3, 4]]
#= {"x": 1, "y": 2}
#= {"x": 3, "y": 4}

#? x in [1, [2, 3]]
#= {"x": 1}
#= {"x": [2, 3]}

#? 1 in [[1]]
#= none

#? 1 in [x, 2]
#= {"x": 1}

#? {} in [{}]
#= {}

#? {a: 1} in [{a: 1, b: 2}]
#= none

#? {a: x} in [{a: 1}, {b: 2}, {a: 3}]
#= {"x": 1}
#= {"x": 3}

# Dictionaries: [key, value] pairs, key order.
#? x in {a: 1, b: 2}
#= {"x": ["a", 1]}
#= {"x": ["b", 2]}

#? x in {b: 1, a: 2}
#= {"x": ["a", 2]}
#= {"x": ["b", 1]}

#? [k, v] in {a: 1, b: 2}
#= {"k": "a", "v": 1}
#= {"k": "b", "v": 2}

#? ["a", v] in {a: 1, b: 2}
#= {"v": 1}

#? [k, 2] in {a: 1, b: 2}
#= {"k": "b"}

#? x in {}
#= none

# A bare key is not a member of a dictionary.
#? "a" in {a: 1}
#= none

# Strings: characters.
#? x in "abc"
#= {"x": "a"}
#= {"x": "b"}
#= {"x": "c"}

#? "b" in "abc"
#= {}

#? "bc" in "abc"
#= none

# Iterating a bound variable.
#? l = [1, 2] and x in l
#= {"l": [1, 2], "x": 1}
#= {"l": [1, 2], "x": 2}

#? l = [1, 2] and 3 in l
#= none

# Nested iteration.
#? x in [1, 2] and y in [x, 10]
#= {"x": 1, "y": 1}
#= {"x": 1, "y": 10}
#= {"x": 2, "y": 2}
#= {"x": 2, "y": 10}

# Non-iterables.
#? 1 in 1
#! RuntimeError::TypeError -- Type error: can only use `in` on an iterable value, this is Number(Integer(1)) at line 1, column 6

#? x in true
#! RuntimeError::TypeError -- Type error: can only use `in` on an iterable value, this is Boolean(true) at line 1, column 6

# Unbound right-hand side.
#? 1 in x
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

#? x in y
#! UnexpectedExpressionError -- Received Expression from Polar VM. The Expression type is only supported when

# Precedence: `in` binds tighter than arithmetic, so `1 + 1 in [2]` is
# `1 + (1 in [2])`, a parse error.
#? 1 + 1 in [2]
#! ParseError::WrongValueType -- Wrong value type: 1 in [2]. Expected a value at line 1, column 5

#? x = 1 + 1 and x in [2]
#= {"x": 2}

# `in` in a rule.
member_of(x, l) if x in l;

#? member_of(x, ["p", "q"])
#= {"x": "p"}
#= {"x": "q"}

#? member_of("q", ["p", "q"])
#= {}
