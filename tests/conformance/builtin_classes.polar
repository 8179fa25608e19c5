# The built-in classes Integer, Float, String, Boolean, List, Dictionary:
# which values belong to which class, as specializers and with
# `matches`.  nil belongs to none of them.  Class names are not
# variables; an unknown class name is an error when used.

kind(_x: Integer, "Integer");
kind(_x: Float, "Float");
kind(_x: String, "String");
kind(_x: Boolean, "Boolean");
kind(_x: List, "List");
kind(_x: Dictionary, "Dictionary");

#? kind(1, k)
#~ JS host artefact: Oso's JS host maps both Integer and Float to JS Number, so 1 is reported as both Integer and Float there.
#= {"k": "Integer"}

#? kind(1.5, k)
#~ JS host artefact: Oso's JS host maps both Integer and Float to JS Number, so 1.5 is reported as both Integer and Float there.
#= {"k": "Float"}

#? kind(2.0, k)
#~ JS host artefact: Oso's JS host maps both Integer and Float to JS Number; 2.0 is a Float.
#= {"k": "Float"}

#? kind("s", k)
#= {"k": "String"}

#? kind("", k)
#= {"k": "String"}

#? kind(true, k)
#= {"k": "Boolean"}

#? kind(false, k)
#= {"k": "Boolean"}

#? kind([], k)
#= {"k": "List"}

#? kind([1, "a"], k)
#= {"k": "List"}

#? kind({}, k)
#= {"k": "Dictionary"}

#? kind({a: 1}, k)
#= {"k": "Dictionary"}

#? kind(nil, k)
#= none

# Computed values keep their class.
#? x = 1 + 1 and kind(x, k)
#~ JS host artefact: Oso's JS host maps both Integer and Float to JS Number.
#= {"x": 2, "k": "Integer"}

#? x = 3 / 2 and kind(x, k)
#~ JS host artefact: Oso's JS host maps both Integer and Float to JS Number.
#= {"x": 1.5, "k": "Float"}

#? x = "abc" and y in x and kind(y, k)
#= {"x": "abc", "y": "a", "k": "String"}
#= {"x": "abc", "y": "b", "k": "String"}
#= {"x": "abc", "y": "c", "k": "String"}

# With matches.
#? "s" matches String and not "s" matches List
#= {}

#? [1] matches List and not [1] matches Dictionary
#= {}

#? {} matches Dictionary and not {} matches List
#= {}

#? true matches Boolean and not true matches String
#= {}

#? not nil matches Boolean
#= {}

# Class patterns with fields on Dictionary.
#? {a: 1, b: 2} matches Dictionary{a: 1}
#= {}

#? {a: 1} matches Dictionary{a: 1, b: 2}
#= none

# Class names are resolved like constants; a built-in class is equal to
# itself.
#? Integer = Integer
#= {}

#? String == String
#= {}

# An unknown class is an error.
#? 1 matches Unknown
#! UnregisteredClassError -- Unregistered class: Unknown.

# Class names are case-sensitive.
#? 1 matches integer
#! UnregisteredClassError -- Unregistered class: integer.
