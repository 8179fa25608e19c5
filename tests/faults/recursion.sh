#!/usr/bin/env bash
# recursion.sh — fault: a policy that recurses forever, `loop(x) if loop(x);`.
# The engine's depth limit (10,000,000 rule bodies by default; --max-depth)
# or step limit (--max-steps) ends it with a named error and exit 2; a REPL
# reports it and answers the next query. The default run needs ~0.5 GB and
# ~2 s; under the sanitizers (FAULT_SANITIZED=1) it would need several GB,
# so there only the --max-depth runs are made.
# Run by ctest as faults/recursion (environment: see lib.sh).
source "$(dirname "$0")/lib.sh"

if [[ ${FAULT_SANITIZED:-0} != 1 ]]; then
    run "$FAULT_POLAR" query "$policy" -q 'loop(1)'
    expect_code 2 "endless recursion stops at the default depth limit"
    expect_err "Maximum depth of 10000000 rule calls exceeded" "the error names the limit"
    expect_err '^ +\^$' "and points at the call with a caret"
fi

run "$FAULT_POLAR" query --max-depth 100000 "$policy" -q 'loop(1)'
expect_code 2 "--max-depth stops it sooner"
expect_err "Maximum depth of 100000 rule calls exceeded" "the error names the chosen limit"

run "$FAULT_POLAR" query --max-steps 5000 "$policy" -q 'loop(1)'
expect_code 2 "--max-steps stops it too"
expect_err "limit of 5000 steps" "the error names the step limit"

run_with_input "loop(1)"$'\n'"$normal_query"$'\n'"loop(2)"$'\n'"count(2)"$'\n' \
    "$FAULT_POLAR" repl --max-depth 100000 "$policy"
expect_code 0 "the REPL survives two endless recursions"
check "each is reported" test "$(grep -c 'Maximum depth' "$scratch/err")" = 2
check "the queries after them answer" test "$(tr '\n' ' ' <"$scratch/out")" = "x = 1 true true "

finish
