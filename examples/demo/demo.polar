# demo.polar — watch a Polar engine think.
#
# A small family tree. `./run demo` asks `ancestor("ada", who)` with
# --trace, so you can follow every step the engine takes:
#
#   * two `ancestor` rules mean two alternatives: the engine makes a choice
#     point, tries the first rule, and later comes back for the second;
#   * the second rule calls `ancestor` again: recursion, one level per
#     generation, until there are no more children to look at;
#   * each `parent` fact that does not match sends it back to its last
#     choice point: backtracking.
#
# Try your own queries:
#   build/cli/polar query examples/demo/demo.polar -q 'sibling("ben", s)'
#   build/cli/polar repl examples/demo/demo.polar

parent("ada", "ben");
parent("ada", "cleo");
parent("ben", "dora");
parent("cleo", "eli");
parent("eli", "finn");

# x is an ancestor of y if x is y's parent...
ancestor(x, y) if parent(x, y);
# ...or the parent of one of y's ancestors.
ancestor(x, y) if parent(x, z) and ancestor(z, y);

# Two people are siblings if they share a parent and are not the same person.
sibling(a, b) if parent(p, a) and parent(p, b) and a != b;
