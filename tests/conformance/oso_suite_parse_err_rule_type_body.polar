# polar fmt: off (a parse-error case: the text must stay as it is)
# Ported from Oso 0.27.3 (tag v0.27.3) polar-core/src/parser.rs test_rule_type_error.
# A rule type cannot have a body.

type f(x: String) if x = "bad";

#!load ParseError::UnrecognizedToken 5:19
