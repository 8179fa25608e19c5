#!/usr/bin/env bash
# full_buffer.sh — fault: a full socket buffer.
# Two places can fill up. (1) The receiver's socket: `polar_fault_tool sink`
# binds the kernel's smallest receive buffer and never reads; sends to it
# succeed and the kernel drops and counts (its `drops` in /proc/net/udp).
# The VM never waits for it: a real-time query and polar-github --forever
# run through, and a paced query keeps its own pace. (2) The broadcaster's
# queue: POLAR_OSC's `queue=2` is far too small for a VM at full speed, so
# events are dropped and counted — the last /polar/stats a live receiver
# hears reports them.
# Run by ctest as faults/full_buffer (environment: see lib.sh).
source "$(dirname "$0")/lib.sh"

"$FAULT_TOOL" sink 600 >"$scratch/sink.out" 2>&1 &
sink=$!
pids+=("$sink")
port=$(port_in "$scratch/sink.out") || port=0

run "$FAULT_POLAR" query --osc "127.0.0.1:$port" "$policy" -q 'count(20000) and x = 1'
expect_code 0 "real time into a full buffer: the query answers"
expect_out '^x = 1$' "with its answer"

run "$FAULT_POLAR" query --osc "127.0.0.1:$port" --pace 1ms "$policy" -q 'count(30)'
expect_code 0 "paced into a full buffer: the query keeps its own pace and ends"

"$FAULT_GITHUB" --forever --osc "127.0.0.1:$port" >"$scratch/github.out" 2>"$scratch/github.err" &
github=$!
pids+=("$github")
check "polar-github --forever keeps serving into a full buffer (3 progress lines)" \
    wait_for_progress "$scratch/github.out" 3
stop "$github" INT
expect_code 0 "polar-github ends normally on SIGINT"

stop "$sink" TERM
cp "$scratch/sink.out" "$scratch/out"
check "the kernel dropped datagrams and counted them" \
    grep -qE '^sink: [0-9]+ bytes waiting, [1-9][0-9]* datagrams dropped by the kernel$' "$scratch/sink.out"

# ---- the broadcaster's own queue -----------------------------------------------
"$FAULT_OSC_TOOL" dump --port 0 >"$scratch/dump.out" 2>"$scratch/dump.err" &
dumper=$!
pids+=("$dumper")
port=$(port_in "$scratch/dump.err") || port=0
run env POLAR_OSC="127.0.0.1:$port;queue=2" "$FAULT_POLAR" query "$policy" -q 'count(20000) and x = 1'
expect_code 0 "a queue of 2 events: the query answers"
check "the last /polar/stats reports dropped events" \
    wait_for "$scratch/dump.out" '^/polar/stats iiif [0-9]+ [1-9][0-9]* 0 '
run "$FAULT_POLAR" query --osc "127.0.0.1:$port" --osc-values "$policy" -q "$normal_query"
expect_code 0 "the next query answers"
check "and the listener hears it (its result, with values)" \
    wait_for "$scratch/dump.out" '/polar/result iis [0-9]+ 1 ".*x'

finish
