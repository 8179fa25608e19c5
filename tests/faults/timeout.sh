#!/usr/bin/env bash
# timeout.sh — fault: a query that times out.
# `spin()` (faults.polar) walks 10^10 paths at a constant depth, so only the
# clock stops it: with --timeout it ends with "Query timeout" and exit 2;
# in a REPL the next query answers; over OSC the receiver hears the
# /polar/error and the failed /polar/query/end too. (The engine's default, 30 s, is the same code with a
# bigger number; waiting for it would not prove more.)
# Run by ctest as faults/timeout (environment: see lib.sh).
source "$(dirname "$0")/lib.sh"

run "$FAULT_POLAR" query --timeout 300ms "$policy" -q 'spin()'
expect_code 2 "a query past --timeout fails"
expect_err "Query timeout: the query ran longer than 300 ms" "the error says which limit"

run "$FAULT_POLAR" query --timeout 5 "$policy" -q "$normal_query"
expect_code 2 "a --timeout without a unit is refused"
expect_err "--timeout: must be a duration such as 20ms, 1.5s or 2m, 0 \(none\) or between 1us and 1h, got '5'" "the error names the option and its range"

run "$FAULT_POLAR" query --timeout 0 "$policy" -q "$normal_query"
expect_code 0 "--timeout 0 (no limit) still answers"

run_with_input "spin()"$'\n'"$normal_query"$'\n'"spin()"$'\n'"count(2)"$'\n' \
    "$FAULT_POLAR" repl --timeout 300ms "$policy"
expect_code 0 "the REPL survives two timeouts"
check "each timeout is reported" test "$(grep -c 'Query timeout' "$scratch/err")" = 2
check "the queries after them answer" test "$(tr '\n' ' ' <"$scratch/out")" = "x = 1 true true "

# Over OSC: a process's listener is told which error ended the query. The
# stream is paced (every event delivered, the VM waits for each, and the
# timeout still ends the query): a real-time stream sends thousands of
# datagrams in 300 ms, and a listener slowed by a busy machine (or by the
# sanitizers) lets the kernel drop the last ones, the error among them —
# a CI run with the machine loaded failed so. That drop is the full-buffer
# fault (full_buffer.sh); the error's reserved slot in an overflowing
# queue is covered in process by faults/library/timeout.
osc_mode="paced=2ms"
"$FAULT_OSC_TOOL" dump --port 0 >"$scratch/dump.out" 2>"$scratch/dump.err" &
dumper=$!
pids+=("$dumper")
port=$(port_in "$scratch/dump.err") || port=0
run env POLAR_OSC="127.0.0.1:$port;$osc_mode" "$FAULT_POLAR" query --timeout 300ms "$policy" -q 'spin()'
expect_code 2 "a timeout with OSC fails the same way"
check "the receiver hears /polar/error RuntimeError::QueryTimeout" \
    wait_for "$scratch/dump.out" '/polar/error is [0-9]+ "RuntimeError::QueryTimeout"'
check "and /polar/query/end with failed = 1" \
    wait_for "$scratch/dump.out" '/polar/query/end iiii [0-9]+ 0 [0-9]+ 1'

finish
