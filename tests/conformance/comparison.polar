# Comparison operators == != < <= > >=.  Numbers compare by value
# (integers and floats compared exactly, not via a lossy conversion);
# strings compare by code point; booleans false < true; lists and
# dictionaries cannot be compared (not even with == or !=); mixing
# types is an error.

#? 1 == 1
#= {}

#? 1 == 2
#= none

#? 1 != 2
#= {}

#? 1 != 1
#= none

#? 1 < 2
#= {}

#? 2 < 1
#= none

#? 1 <= 1
#= {}

#? 2 <= 1
#= none

#? 2 > 1
#= {}

#? 1 > 1
#= none

#? 1 >= 1
#= {}

#? 0 >= 1
#= none

#? -5 < -2
#= {}

# Mixed integer and float.
#? 1 == 1.0
#= {}

#? 1.0 != 1
#= none

#? 1 < 1.5
#= {}

#? 2 > 1.5
#= {}

#? 1 <= 1.0
#= {}

#? 1 < 1.0000000000000002
#= {}

#? 9007199254740993 > 9007199254740992.0
#= {}

#? 9007199254740993 == 9007199254740992.0
#= none

#? 9223372036854775807 < 9223372036854775807.0
#= {}

# Strings.
#? "a" == "a"
#= {}

#? "a" == "A"
#= none

#? "a" != "b"
#= {}

#? "a" < "b"
#= {}

#? "B" < "a"
#= {}

#? "abc" < "abd"
#= {}

#? "a" < "aa"
#= {}

#? "" < "a"
#= {}

#? "10" < "9"
#= {}

#? "é" > "z"
#= {}

#? "b" >= "a"
#= {}

#? "a" <= "a"
#= {}

# Booleans.
#? true == true
#= {}

#? true != false
#= {}

#? false < true
#= {}

#? true < false
#= none

#? true >= true
#= {}

# Lists and dictionaries: unsupported, even for equality.
#? [1, 2] == [1, 2]
#! RuntimeError::Unsupported -- Not supported: [1, 2] == [1, 2] at line 1, column 1

#? [1] == [1.0]
#! RuntimeError::Unsupported -- Not supported: [1] == [1] at line 1, column 1

#? [1, 2] != [2, 1]
#! RuntimeError::Unsupported -- Not supported: [1, 2] != [2, 1] at line 1, column 1

#? [1, 2] < [1, 3]
#! RuntimeError::Unsupported -- Not supported: [1, 2] < [1, 3] at line 1, column 1

#? {a: 1} == {a: 1}
#! RuntimeError::Unsupported -- Not supported: {a: 1} == {a: 1} at line 1, column 1

#? {a: 1} < {a: 2}
#! RuntimeError::Unsupported -- Not supported: {a: 1} < {a: 2} at line 1, column 1

# Mixed types.
#? 1 == "1"
#! RuntimeError::Unsupported -- Not supported: 1 == "1" at line 1, column 1

#? "a" < 1
#! RuntimeError::Unsupported -- Not supported: "a" < 1 at line 1, column 1

# Surprise: booleans compare with numbers as 0/1 (but do not unify).
#? 1 < true
#= none

#? 0 < true
#= {}

#? 1 == true
#= {}

#? 0 == false
#= {}

#? 1.0 == true
#= {}

#? 2 > true
#= {}

#? 1 = true
#= none

#? "a" == true
#! RuntimeError::Unsupported -- Not supported: "a" == true at line 1, column 1

# nil compared with itself.
#? nil == nil
#= {}

#? nil != nil
#= none

# Comparisons on bound variables.
#? x = 3 and x > 2 and x < 4
#= {"x": 3}

#? x = "m" and x > "a" and x < "z"
#= {"x": "m"}

# A comparison is not a value: it cannot be unified or assigned
# (WrongValueType parse error).
#? x = (1 < 2)
#! ParseError::WrongValueType -- Wrong value type: 1 < 2. Expected a value at line 1, column 6
