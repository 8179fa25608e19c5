#!/usr/bin/env bash
# vanished.sh — fault: a listener that vanishes (and one that never was).
# polar-github --forever broadcasts to a `polar-osc dump` that is then
# killed: its progress lines keep coming, and SIGINT still ends it with its
# summary. A REPL attached through POLAR_OSC answers before and after its
# listener goes. `polar query --osc` to a port nobody listens on prints the
# same answers as without --osc, and counts the failed sends in a warning.
# Nothing here is timed against a run without OSC: the machine is shared,
# so the proof that OSC never stops the VM is that the work gets done.
# Run by ctest as faults/vanished (environment: see lib.sh).
source "$(dirname "$0")/lib.sh"

start_dump() { # start_dump NAME — a polar-osc dump on a free port; sets dumper and port
    "$FAULT_OSC_TOOL" dump --port 0 >"$scratch/$1.out" 2>"$scratch/$1.err" &
    dumper=$!
    pids+=("$dumper")
    port=$(port_in "$scratch/$1.err") || port=0
}

# ---- a long-running program loses its listener ------------------------------
start_dump github-dump
"$FAULT_GITHUB" --forever --osc "127.0.0.1:$port" >"$scratch/github.out" 2>"$scratch/github.err" &
github=$!
pids+=("$github")
check "the listener hears polar-github" wait_for "$scratch/github-dump.out" '/polar/rule'
stop "$dumper" TERM
expect_code 0 "the listener goes away (dump ended by SIGTERM)"
before=$(progress_lines "$scratch/github.out")
check "polar-github keeps serving: two more progress lines after the listener left" \
    wait_for_progress "$scratch/github.out" $((before + 2))
stop "$github" INT
expect_code 0 "polar-github ends normally on SIGINT"
cp "$scratch/github.out" "$scratch/out"
expect_out '^checks +[0-9]+$' "and prints its summary"

# ---- a REPL loses its listener between queries --------------------------------
start_dump repl-dump
mkfifo "$scratch/repl.in"
POLAR_OSC="127.0.0.1:$port" timeout "$step_timeout" "$FAULT_POLAR" repl "$policy" \
    <"$scratch/repl.in" >"$scratch/repl.out" 2>"$scratch/repl.err" &
repl=$!
pids+=("$repl")
exec 3>"$scratch/repl.in"
echo "$normal_query" >&3
check "the REPL answers while the listener listens" wait_for "$scratch/repl.out" '^true$'
check "and the listener hears it" wait_for "$scratch/repl-dump.out" '/polar/query/end'
stop "$dumper" TERM
printf 'count(2000)\ncount(2)\n%s\n' "$normal_query" >&3
exec 3>&-
code=0
wait "$repl" || code=$?
last="polar repl (POLAR_OSC=127.0.0.1:$port)"
cp "$scratch/repl.out" "$scratch/out"
cp "$scratch/repl.err" "$scratch/err"
expect_code 0 "the REPL ends normally at end of input"
check "and answered every query after the listener left" \
    test "$(tr '\n' ' ' <"$scratch/repl.out")" = "x = 1 true true true x = 1 true "

# ---- nobody listening at all -------------------------------------------------
closed=$("$FAULT_TOOL" free-port)
run "$FAULT_POLAR" query "$policy" -q 'count(20000) and x = 1'
cp "$scratch/out" "$scratch/plain.out"
run "$FAULT_POLAR" query --osc "127.0.0.1:$closed" "$policy" -q 'count(20000) and x = 1'
expect_code 0 "polar query --osc to a closed port answers"
check "the same answers as without --osc" cmp -s "$scratch/out" "$scratch/plain.out"
expect_err '^polar: warning: OSC: [0-9]+ of [0-9]+ events dropped \(queue full\), [1-9][0-9]* of [0-9]+ sends failed' \
    "the failed sends are counted in a warning"

run "$FAULT_GITHUB" --checks 3000 --print
cp "$scratch/out" "$scratch/plain.out"
run "$FAULT_GITHUB" --checks 3000 --print --osc "127.0.0.1:$closed"
expect_code 0 "polar-github --osc to a closed port runs its checks"
check "with the same decisions as without --osc" \
    cmp -s <(grep -- '->' "$scratch/out") <(grep -- '->' "$scratch/plain.out")

finish
