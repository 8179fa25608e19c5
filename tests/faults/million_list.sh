#!/usr/bin/env bash
# million_list.sh — fault: a 1,000,000-element list.
# As a literal in a policy file (7.9 MB of source), built by recursion in a
# query, printed as text and JSON, broadcast over OSC, and in a REPL
# followed by a normal query. With OSC values, goal texts are cut as they
# are printed: see faults/library/million_list_values.
# Run by ctest as faults/million_list (environment: see lib.sh).
source "$(dirname "$0")/lib.sh"

big="$scratch/big.polar"
{ printf 'big(['; seq -s ', ' 0 999999 | tr -d '\n'; printf ']);\n'; } >"$big"

run "$FAULT_POLAR" query "$policy" "$big" -q 'big(l) and len(l, n) and x in l and x = 999999'
expect_code 0 "a policy with a 1,000,000-element literal loads and answers"
check "the whole list is printed, then n and x" \
    grep -qE '^l = \[0, 1, 2, .*, 999998, 999999\], n = 1000000, x = 999999$' "$scratch/out"

run "$FAULT_POLAR" query --json "$policy" -q 'build(1000000, l) and len(l, n)'
expect_code 0 "a list of 1,000,000 built by recursion answers"
check "as JSON too" grep -qE '^\{"l":\[1000000,999999,.*,2,1\],"n":1000000\}$' "$scratch/out"

"$FAULT_OSC_TOOL" dump --port 0 >"$scratch/dump.out" 2>"$scratch/dump.err" &
dumper=$!
pids+=("$dumper")
port=$(port_in "$scratch/dump.err") || port=0
# A queue of 64 events (POLAR_OSC) keeps the datagrams few enough for dump
# to hear the end of the query on a loaded machine; the fault here is the
# list, not the receiver's buffer (full_buffer.sh).
run env POLAR_OSC="127.0.0.1:$port;queue=64" "$FAULT_POLAR" query "$policy" "$big" -q 'big(l) and len(l, n)'
expect_code 0 "the same over OSC answers"
check "the receiver hears the query end with its 1 result" \
    wait_for "$scratch/dump.out" '/polar/query/end iiii [0-9]+ 1 [0-9]+ 0$'
stop "$dumper" TERM

run_with_input "big(l) and len(l, n)"$'\n'"$normal_query"$'\n' "$FAULT_POLAR" repl "$policy" "$big"
expect_code 0 "the REPL answers a 1,000,000-element query"
check "then the normal query" test "$(cut -c1-12 "$scratch/out" | tr '\n' ' ')" = "l = [0, 1, 2 true x = 1 true "

finish
