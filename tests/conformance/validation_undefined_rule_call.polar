# Calling a rule name that has no rules at all, in a rule body, is a
# load error: ValidationError::UndefinedRuleCall "Call to undefined rule:
# g() at line 5, column 8".

f() if g();

#!load ValidationError::UndefinedRuleCall 5:8
