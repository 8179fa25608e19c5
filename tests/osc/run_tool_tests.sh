#!/usr/bin/env bash
# run_tool_tests.sh POLAR_OSC — process-level tests of the `polar-osc` tool.
#
# What only the real binary shows: exit codes (0 ok, 2 usage or failure),
# --help on every subcommand, the dump of the fixture recording byte for
# byte (the same golden file as the in-process test), and a live
# `record` and `dump` ended by SIGINT and SIGTERM as a user would end
# them. Runs from tests/unit/osc/ (the fixtures); everything stays on
# 127.0.0.1. Each check prints ok/FAIL; the script fails if any check does.
set -uo pipefail

tool=${1:?usage: run_tool_tests.sh POLAR_OSC}
scratch=$(mktemp -d)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null; done
    rm -rf "$scratch"
}
trap cleanup EXIT

checks=0
failures=0
code=0
run() {  # run ARGS... — stdout, stderr, exit code into $scratch/out, err and $code
    "$tool" "$@" >"$scratch/out" 2>"$scratch/err"
    code=$?
    last="polar-osc $*"
}
# report 1|0 DESCRIPTION: counts and prints a check (tests/report.sh).
# shellcheck source=../report.sh
source "$(dirname "$0")/../report.sh"
expect_code() { [[ $code == "$1" ]] && report 1 "$2" || report 0 "$2 (wanted exit $1)"; }
expect_err() { grep -qE "$1" "$scratch/err" && report 1 "$2" || report 0 "$2 (wanted stderr =~ $1)"; }

# ---- usage -----------------------------------------------------------------
run --help; expect_code 0 "--help exits 0"
grep -q "record" "$scratch/out" && grep -q "Exit codes" "$scratch/out"
report $((! $?)) "--help lists the subcommands and exit codes"
for sub in record replay dump; do
    run "$sub" --help; expect_code 0 "$sub --help exits 0"
done
run; expect_code 2 "no subcommand is a usage error"
run record; expect_code 2 "record without FILE is a usage error"
run replay session.rec; expect_code 2 "replay without --to is a usage error"
run replay session.rec --to 127.0.0.1:9 --speed 0; expect_code 2 "--speed 0 is a usage error"
run dump --file session.rec --port 9; expect_code 2 "dump --file excludes --port"
run frobnicate; expect_code 2 "an unknown subcommand is a usage error"

# ---- failures --------------------------------------------------------------
run dump --file "$scratch/missing.rec"; expect_code 2 "a missing recording exits 2"
printf 'not a recording\n' >"$scratch/bad.rec"
run dump --file "$scratch/bad.rec"; expect_code 2 "a file that is not a recording exits 2"
expect_err "bad.rec:1: not a polar-osc recording" "the error names the file and line"
run replay session.rec --to nowhere; expect_code 2 "a --to without a port exits 2"
run record "$scratch/x.rec" --bind 999.1.1.1 --duration 0.1; expect_code 2 "a bad address exits 2"

# ---- dump --file -------------------------------------------------------------
run dump --file session.rec; expect_code 0 "dump --file exits 0"
cmp -s "$scratch/out" session.dump; report $((! $?)) "dump --file matches session.dump"
run dump --file session.rec --times
cmp -s "$scratch/out" session_times.dump; report $((! $?)) "dump --file --times matches session_times.dump"

# ---- live: record and dump, ended by signals ----------------------------------
# wait_listening LOG — the port from "... 127.0.0.1:PORT ..." once the tool
# says it (a minute at most: a safety net, not a guess of start-up time).
wait_listening() {
    local i
    for i in $(seq 1200); do
        if grep -qE '127\.0\.0\.1:[0-9]+' "$1" 2>/dev/null; then
            grep -oE '127\.0\.0\.1:[0-9]+' "$1" | head -n1 | cut -d: -f2
            return 0
        fi
        sleep 0.05
    done
    return 1
}

# wait_lines FILE N — until FILE has N lines (a minute at most, a safety net).
wait_lines() {
    local i
    for i in $(seq 1200); do
        (($(wc -l <"$1" 2>/dev/null || echo 0) >= $2)) && return 0
        sleep 0.05
    done
    return 1
}

"$tool" record "$scratch/live.rec" --port 0 2>"$scratch/record.err" &
recorder=$!
pids+=("$recorder")
"$tool" dump --port 0 >"$scratch/dump.out" 2>"$scratch/dump.err" &
dumper=$!
pids+=("$dumper")
record_port=$(wait_listening "$scratch/record.err")
dump_port=$(wait_listening "$scratch/dump.err")
if [[ -n $record_port && -n $dump_port ]]; then
    "$tool" replay session.rec --to "127.0.0.1:$record_port" --speed 4 2>/dev/null
    "$tool" replay session.rec --to "127.0.0.1:$dump_port" --speed 4 2>/dev/null
    # Stopped once everything is in (both flush per datagram), not after a
    # guessed 0.2 s: the header and 16 lines; the dump's golden length.
    wait_lines "$scratch/live.rec.partial" 17
    wait_lines "$scratch/dump.out" "$(wc -l <session.dump)"
    kill -INT "$recorder"; wait "$recorder"; code=$?
    last="polar-osc record (SIGINT)"; expect_code 0 "record ended by SIGINT exits 0"
    grep -q "recorded 16 datagrams" "$scratch/record.err"
    report $((! $?)) "record prints its counter line"
    "$tool" dump --file "$scratch/live.rec" >"$scratch/out" 2>"$scratch/err"
    cmp -s "$scratch/out" session.dump; report $((! $?)) "a replayed recording dumps like the original"
    kill -TERM "$dumper"; wait "$dumper"; code=$?
    last="polar-osc dump (SIGTERM)"; expect_code 0 "dump ended by SIGTERM exits 0"
    cp "$scratch/dump.out" "$scratch/out"
    cmp -s "$scratch/dump.out" session.dump; report $((! $?)) "live dump prints what dump --file prints"
else
    report 0 "record and dump said where they listen"
fi

echo "$((checks - failures)) passed, $failures failed"
((failures == 0))
