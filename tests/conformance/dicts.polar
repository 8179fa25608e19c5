# Dictionary literals: keys are symbols, values any term; unification
# needs identical key sets.  (Duplicate keys: parse_error_duplicate_key.polar.)

#? x = {}
#= {"x": {}}

#? x = {a: 1, b: "two", c: [3], d: {e: 4.5}, f: nil, g: true}
#= {"x": {"a": 1, "b": "two", "c": [3], "d": {"e": 4.5}, "f": null, "g": true}}

# Keys are kept sorted, whatever the source order.
#? x = {b: 1, a: 2, c: 3}
#= {"x": {"a": 2, "b": 1, "c": 3}}

# Trailing comma in a dictionary literal.
#? x = {a: 1,}
#= {"x": {"a": 1}}

#? {a: 1, b: 2} = {b: 2, a: 1}
#= {}

#? {a: 1} = {a: 2}
#= none

#? {a: 1} = {b: 1}
#= none

#? {a: 1} = {a: 1, b: 2}
#= none

#? {a: x, b: y} = {a: 1, b: 2}
#= {"x": 1, "y": 2}

#? {a: x, b: x} = {a: 1, b: 1}
#= {"x": 1}

#? {a: x, b: x} = {a: 1, b: 2}
#= none

#? {a: [x, *r]} = {a: [1, 2, 3]}
#= {"x": 1, "r": [2, 3]}

#? d = {a: {b: {c: 1}}} and {a: {b: inner}} = d
#= {"d": {"a": {"b": {"c": 1}}}, "inner": {"c": 1}}

# Values are evaluated.
#? x = {a: 1 + 2, b: 3 * 2}
#= {"x": {"a": 3, "b": 6}}

#? y = 5 and x = {a: y}
#= {"y": 5, "x": {"a": 5}}

# Dictionaries in rule heads.
config({name: "x", level: 1});
config({name: "y", level: 2});

#? config({name: n, level: 2})
#= {"n": "y"}

#? config(c)
#= {"c": {"level": 1, "name": "x"}}
#= {"c": {"level": 2, "name": "y"}}

#? config({name: "x"})
#= none

# Keys may be any identifier, including ones that look like keywords of
# other languages.
#? x = {class: 1, type_: 2, _private: 3, camelCase: 4}
#= {"x": {"_private": 3, "camelCase": 4, "class": 1, "type_": 2}}

# Keys sort by byte value: uppercase before `_` before lowercase.
#? x = {b: 1, Z: 2, _: 3}
#= {"x": {"Z": 2, "_": 3, "b": 1}}

# Polar keywords other than true/false are allowed as keys.
#? x = {if: 1, and: 2, type: 3, nil: 4}
#= {"x": {"and": 2, "if": 1, "nil": 4, "type": 3}}

# Dictionary keys cannot be strings or numbers (see parse_error files);
# `==` on dictionaries is unsupported.
#? {a: 1} == {a: 1}
#! RuntimeError::Unsupported -- Not supported: {a: 1} == {a: 1} at line 1, column 1
