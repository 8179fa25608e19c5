# `inf` and `nan` are float literals, as in Oso's lexer: `x = inf`, `-inf`,
# `+inf`, `[nan]`, `f(inf)` are numbers, and neither word can name a
# variable, a rule, a field or a dictionary key. Other spellings (`Inf`,
# `NaN`, `information`) stay variables. Results holding an infinity or a
# NaN are checked through `_` variables: JSON has neither (Value::toJson
# writes null, as JSON.stringify does; the text form is `inf`, `-inf`, `nan`).

#? _x = inf and _x > 1.7976931348623157e308
#= {}

#? _x = -inf and _x < -1.7976931348623157e308
#= {}

#? _x = +inf and _x == inf
#= {}

#? -inf < 0
#= {}

#? inf == 1e400
#= {}

#? -inf == -1e400
#= {}

#? inf = inf
#= {}

#? inf matches Float
#= {}

#? nan matches Float
#= {}

# NaN equals nothing, itself included.
#? nan = nan
#= none

#? nan == nan
#= none

#? nan != nan
#= {}

#? _x = nan and _x != _x
#= {}

#? _x = -nan and _x != _x
#= {}

#? _x = inf + 1 and _x == inf
#= {}

#? _x = inf - inf and _x != _x
#= {}

#? _x = inf * 0 and _x != _x
#= {}

#? _x = 1 / inf and _x == 0
#= {}

#? [inf, -inf] = [1e400, -1e400]
#= {}

#? {a: inf} = {a: 1e400}
#= {}

#? [_y] = [inf] and _y > 0
#= {}

# Other spellings are variables.
#? Inf = 1
#= {"Inf": 1}

#? NaN = 2
#= {"NaN": 2}

#? nanny = 3 and information = 4
#= {"nanny": 3, "information": 4}

# Where a name is expected, `inf` and `nan` are unexpected tokens, shown as
# Oso shows a float: `inf`, `NaN`.
#? x = {inf: 1}
#! ParseError::UnrecognizedToken -- did not expect to find the token 'inf' at line 1, column 6

#? x = {nan: 1}
#! ParseError::UnrecognizedToken -- did not expect to find the token 'NaN' at line 1, column 6

#? x = {1e400: 1}
#! ParseError::UnrecognizedToken -- did not expect to find the token 'inf' at line 1, column 6

#? x = {1.5: 1}
#! ParseError::UnrecognizedToken -- did not expect to find the token '1.5' at line 1, column 6

#? x = y.inf
#! ParseError::UnrecognizedToken -- did not expect to find the token 'inf' at line 1, column 7

#? x = y.nan()
#! ParseError::UnrecognizedToken -- did not expect to find the token 'NaN' at line 1, column 7

# In rules: a parameter, a specializer (a literal, not a class name), a body.
f(inf);
g(nan);
h(_x: inf);
k(x) if x = -inf;
m(x) if x matches inf;

#? f(1e400)
#= {}

#? f(inf)
#= {}

#? f(-inf)
#= none

#? f(_x) and _x > 1e308
#= {}

# nan never matches, not even nan.
#? g(nan)
#= none

#? g(_x) and _x != _x
#= {}

#? h(inf)
#= {}

#? h(1)
#= none

#? k(_x) and _x < -1e308
#= {}

#? m(inf)
#= {}

#? m(1)
#= none
