# Booleans as values and as goals; `nil` (a registered constant in Oso,
# the host's null).

flag(true);
flag(false);
maybe(nil);

#? x = true
#= {"x": true}

#? x = false
#= {"x": false}

#? true
#= {}

#? false
#= none

#? true = true
#= {}

#? true = false
#= none

#? flag(x)
#= {"x": true}
#= {"x": false}

# A variable bound to a boolean can be used as a goal.
#? flag(x) and x
#= {"x": true}

#? x = false and x
#= none

# An unbound variable used as a goal is bound to true.
#? x
#= {"x": true}

# Non-boolean values cannot be goals.
#? x = 1 and x
#! RuntimeError::TypeError -- Type error: 1 isn't something that is true or false so can't be a condition at line 1, column 5

#? "a"
#! RuntimeError::TypeError -- Type error: "a" isn't something that is true or false so can't be a condition at line 1, column 1

#? 1
#! RuntimeError::TypeError -- Type error: 1 isn't something that is true or false so can't be a condition at line 1, column 1

# Boolean conditions in rule bodies.
yes() if true;
no() if false;

#? yes()
#= {}

#? no()
#= none

#? not true
#= none

#? not false
#= {}

#? true or false
#= {}

#? false or false
#= none

# nil
#? x = nil
#= {"x": null}

#? maybe(x)
#= {"x": null}

#? maybe(nil)
#= {}

#? maybe(1)
#= none

#? nil = nil
#= {}

#? nil = 0
#= none

#? nil = false
#= none

#? nil = []
#= none

#? nil = {}
#= none

#? nil = "nil"
#= none

#? nil == nil
#= {}

#? nil == false
#= none

#? nil in [1, nil]
#= {}

#? x in [nil] and x = nil
#= {"x": null}

#? x = {a: nil} and x.a = nil
#= {"x": {"a": null}}

#? nil matches Dictionary
#= none

#? nil matches Integer
#= none

# `nil` is a constant, not a keyword: it can be a dictionary key.
#? x = {nil: 1}
#= {"x": {"nil": 1}}
