# Rest variables `[a, *rest]` in list patterns and list construction.

head([h, *_t], h);
tail([_h, *t], t);
append([], l, l);
append([h, *t], l, [h, *r]) if append(t, l, r);
len([], 0);
len([_, *t], n) if len(t, k) and n = k + 1;

#? [1, 2, 3] = [x, *y]
#= {"x": 1, "y": [2, 3]}

#? [1] = [x, *y]
#= {"x": 1, "y": []}

#? [] = [x, *y]
#= none

#? [1, 2] = [*y]
#= {"y": [1, 2]}

#? [] = [*y]
#= {"y": []}

#? [1, 2, 3] = [a, b, *c]
#= {"a": 1, "b": 2, "c": [3]}

#? [1, 2, 3] = [1, *c]
#= {"c": [2, 3]}

#? [1, 2, 3] = [2, *c]
#= none

# Building a list with a rest variable bound to a list.
#? y = [2, 3] and x = [1, *y]
#= {"y": [2, 3], "x": [1, 2, 3]}

#? x = [1, *y] and y = [2, 3]
#= {"x": [1, 2, 3], "y": [2, 3]}

#? y = [] and x = [0, *y]
#= {"y": [], "x": [0]}

# Both sides have rest variables.
#? [1, 2, *a] = [*b] and a = [3]
#= {"a": [3], "b": [1, 2, 3]}

#? [x, *y] = [*z] and z = [1, 2]
#= {"x": 1, "y": [2], "z": [1, 2]}

# Rest variables in rule heads.
#? head([1, 2], h)
#= {"h": 1}

#? head([], h)
#= none

#? tail([1, 2, 3], t)
#= {"t": [2, 3]}

#? tail([1], t)
#= {"t": []}

#? append([1, 2], [3], r)
#= {"r": [1, 2, 3]}

#? append(x, y, [1, 2])
#= {"x": [], "y": [1, 2]}
#= {"x": [1], "y": [2]}
#= {"x": [1, 2], "y": []}

#? len([4, 5, 6], n)
#= {"n": 3}

#? len([], n)
#= {"n": 0}

# Once bound, the rest is an ordinary list.
#? [1, 2] = [x, *y] and y = [z]
#= {"x": 1, "y": [2], "z": 2}

# A rest variable unifies with the remaining list, not with a non-list.
#? [1, 2] = [x, *y] and y = 2
#= none

# A rest variable left unbound is reported as a partial list.
#? x = [1, *y]
#= {"x": [1, "*<unbound>"]}
