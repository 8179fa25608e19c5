# The policy of tests/osc/oscdump_interop.sh: small, recursive, two answers.
parent("ada", "bob");
parent("bob", "cy");
ancestor(a, d) if parent(a, d);
ancestor(a, d) if parent(a, m) and ancestor(m, d);
