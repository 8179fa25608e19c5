# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/tests/integration_tests.rs
# test_circular_data: cyclic terms (a list or dictionary that contains
# itself). Kept apart from oso_suite_core_logic.polar so that an engine that
# loops on one of them does not hide the other cases.
# Expectations regenerated from npm oso 0.27.3.

#? x = [x] and x in x
#= {"x": [["<unbound>"]]}
#? y = {y:y} and ["y", y] in y
#= {"y": {"y": {"y": "<unbound>"}}}
#? x = [x, y] and y = [y, x] and x = y
#! RuntimeError::StackOverflow -- Goal stack overflow! MAX_GOALS = 10000
