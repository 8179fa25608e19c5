# List literals, nesting, unification against lists, lists in rules.

#? x = []
#= {"x": []}

#? x = [1, "two", 3.5, true, nil]
#= {"x": [1, "two", 3.5, true, null]}

#? x = [[1, 2], [], [[3]]]
#= {"x": [[1, 2], [], [[3]]]}

#? x = [1, 2] and y = [x, x]
#= {"x": [1, 2], "y": [[1, 2], [1, 2]]}

#? x = [1, 2] and [a, b] = x
#= {"x": [1, 2], "a": 1, "b": 2}

#? [a, b] = [1]
#= none

#? [a] = [1, 2]
#= none

# Trailing comma is accepted in list literals.
#? x = [1, 2,]
#= {"x": [1, 2]}

# Elements may be expressions that are evaluated first.
#? x = [1 + 1, 2 * 3]
#= {"x": [2, 6]}

#? y = 3 and x = [y, y + 1]
#= {"y": 3, "x": [3, 4]}

# Lists in rule heads.
pairs([1, "a"]);
pairs([2, "b"]);

#? pairs([n, s])
#= {"n": 1, "s": "a"}
#= {"n": 2, "s": "b"}

#? pairs([2, s])
#= {"s": "b"}

#? pairs([n])
#= none

# Lists are values: comparing with == is not supported (see comparison.polar),
# but unification compares them structurally.
#? [1, [2, 3]] = [1, [2, 3]]
#= {}

#? [1, [2, 3]] = [1, [2, 4]]
#= none

# A list of dictionaries.
#? x = [{a: 1}, {a: 2}] and [{a: p}, {a: q}] = x
#= {"x": [{"a": 1}, {"a": 2}], "p": 1, "q": 2}

# `!=` (like `==` and `<`) on two lists is an error, not a structural test.
#? [1] != [2]
#! RuntimeError::Unsupported -- Not supported: [1] != [2] at line 1, column 1
