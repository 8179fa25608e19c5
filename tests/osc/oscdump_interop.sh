#!/usr/bin/env bash
# oscdump_interop.sh POLAR — `polar query --osc` heard by liblo's oscdump.
#
# A second, independent OSC implementation (liblo) must decode exactly the
# messages the address space promises. For each case this starts
# `oscdump -L PORT` on a free loopback port, waits until it answers a probe
# (oscsend), runs `POLAR query --osc 127.0.0.1:PORT family.polar -q ...`,
# stops oscdump by its pid, and compares the address, type tags and
# arguments of every message — the timetag column dropped, /polar/stats and
# the probe left out, hello's pid and instance id replaced — with expected*.txt.
# Loopback UDP does not reorder, so the order is compared too.
#
# Exits 77 (ctest SKIP_RETURN_CODE) when oscdump or oscsend is missing
# (Debian: liblo-tools). Run from tests/osc/interop (ctest does).
set -euo pipefail

polar=${1:?usage: oscdump_interop.sh POLAR}
for tool in oscdump oscsend; do
    if ! command -v "$tool" >/dev/null; then
        echo "SKIP: $tool not found (install liblo-tools for oscdump/oscsend)"
        exit 77
    fi
done

work=$(mktemp -d)
dump_pid=
cleanup() {
    [[ -n $dump_pid ]] && kill "$dump_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# start_dump FILE — oscdump on a free port, answering probes; sets port.
# Ports are drawn at random from the dynamic range; when one is taken,
# oscdump exits at once and the next attempt draws another. The waits here
# are safety nets of a minute (they were 5 s): each ends as soon as what it
# waits for is there, and a loaded machine must not fail them.
start_dump() {
    local out=$1 attempt k
    for attempt in 1 2 3 4 5 6 7 8; do
        port=$((49152 + RANDOM % 16000))
        oscdump -L "$port" >"$out" 2>"$out.err" &
        dump_pid=$!
        for k in $(seq 1 600); do
            oscsend 127.0.0.1 "$port" /probe i "$k" 2>/dev/null || true
            grep -q '^[0-9a-f.]* /probe ' "$out" 2>/dev/null && return 0
            kill -0 "$dump_pid" 2>/dev/null || break # port taken: try another
            sleep 0.1
        done
        kill "$dump_pid" 2>/dev/null || true
        wait "$dump_pid" 2>/dev/null || true
        dump_pid=
    done
    echo "FAIL: oscdump did not start"
    exit 1
}

# stop_dump FILE — once the last /polar/stats is in, stop oscdump.
stop_dump() {
    local out=$1 k
    for k in $(seq 1 600); do
        grep -q ' /polar/stats ' "$out" && break
        sleep 0.1
    done
    kill "$dump_pid" 2>/dev/null || true
    wait "$dump_pid" 2>/dev/null || true
    dump_pid=
}

# Drop the timetag column, the probes and the stats; hello's pid → PID,
# its instance id (random per process) → INSTANCE.
normalise() {
    cut -d' ' -f2- "$1" | grep -v -e '^/probe ' -e '^/polar/stats ' |
        sed -E 's|^(/polar/hello ssii "[^"]*" "[^"]*") [0-9]+ [0-9]+$|\1 PID INSTANCE|'
}

status=0
# run_case NAME EXPECTED POLAR-OPTIONS... — one query, one comparison.
run_case() {
    local name=$1 expected=$2
    shift 2
    local out=$work/$name.dump
    start_dump "$out"
    "$polar" query --osc "127.0.0.1:$port" "$@" family.polar -q 'ancestor("ada", who)' >"$work/$name.answers"
    stop_dump "$out"
    if diff -u "$expected" <(normalise "$out") >"$work/$name.diff"; then
        echo "ok:   $name"
    else
        echo "FAIL: $name — expected $expected, oscdump heard (diff):"
        cat "$work/$name.diff"
        status=1
    fi
}

run_case realtime expected.txt
run_case values expected_values.txt --osc-values
run_case paced expected.txt --pace 2ms
exit "$status"
