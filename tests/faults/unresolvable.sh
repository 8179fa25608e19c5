#!/usr/bin/env bash
# unresolvable.sh — fault: an OSC destination that does not resolve.
# Names under .invalid never resolve and never reach DNS (RFC 6761).
#   `--osc` on the command line: a clear error and exit 2, before any work.
#   POLAR_OSC in the environment: one warning, then the program runs without
#   OSC, and a REPL keeps answering query after query.
# Run by ctest as faults/unresolvable (environment: see lib.sh).
source "$(dirname "$0")/lib.sh"

run "$FAULT_POLAR" query --osc nowhere.invalid:9000 "$policy" -q "$normal_query"
expect_code 2 "polar query --osc to an unresolvable host fails"
expect_err "OSC destination 'nowhere\.invalid:9000': cannot resolve host" "the error names the destination"
check "no answer was printed (no work before the error)" test ! -s "$scratch/out"

run "$FAULT_POLAR" query --osc 127.0.0.1:9 --osc nowhere.invalid:9000 "$policy" -q "$normal_query"
expect_code 2 "one bad destination among good ones fails too"

run "$FAULT_GITHUB" --checks 10 --osc nowhere.invalid:9000
expect_code 2 "polar-github --osc to an unresolvable host fails"
expect_err "nowhere\.invalid:9000.*cannot resolve" "polar-github names the destination"

run env POLAR_OSC=nowhere.invalid:9000 "$FAULT_POLAR" query "$policy" -q "$normal_query"
expect_code 0 "POLAR_OSC unresolvable: polar query still answers"
expect_out '^x = 1$' "the answer is printed"
expect_err "ignoring POLAR_OSC.*nowhere\.invalid" "one warning names the variable"

run_with_input "$normal_query"$'\n'"count(2)"$'\n'"$normal_query"$'\n' \
    env POLAR_OSC=nowhere.invalid:9000 "$FAULT_POLAR" repl "$policy"
expect_code 0 "POLAR_OSC unresolvable: the REPL runs"
check "the REPL answers all three queries" \
    test "$(tr '\n' ' ' <"$scratch/out")" = "x = 1 true true x = 1 true "
check "the warning is printed once" test "$(grep -c 'ignoring POLAR_OSC' "$scratch/err")" = 1

finish
