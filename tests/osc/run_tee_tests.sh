#!/usr/bin/env bash
# run_tee_tests.sh POLAR_OSC — `polar-osc tee` and the recording guarantees
# of issue 13, on the real binary.
#
#   tee: the fixture recording, replayed into tee's port, reaches two
#        listeners (python3 sockets) byte for byte — bundles, timetags and
#        broken datagrams as they were — while tee records it; Ctrl-C
#        prints the summary and renames FILE.partial to FILE.
#   record and tee --record: an existing file is refused without --force
#        (exit 2, the file byte for byte unchanged), --force replaces it, a
#        busy port leaves an existing file intact even with --force, and
#        /dev/full (written directly: not a regular file) fails at once
#        with strerror's reason and exit 2.
#
# Nothing here decides by speed: every wait is for an event (a port
# printed, a line written, a process ended), bounded only as a hang guard.
# Runs from tests/unit/osc/ (session.rec, session.dump).
set -uo pipefail

tool=${1:?usage: run_tee_tests.sh POLAR_OSC}
here=$(cd "$(dirname "$0")" && pwd)
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
last=""
run() { # run ARGS... — bounded; stdout, stderr, exit code into $scratch/out, err and $code
    timeout --kill-after=5 60 "$tool" "$@" </dev/null >"$scratch/out" 2>"$scratch/err"
    code=$?
    last="polar-osc $*"
}
# shellcheck source=../report.sh
source "$here/../report.sh"
expect_code() { [[ $code == "$1" ]] && report 1 "$2" || report 0 "$2 (wanted exit $1)"; }
expect_err() { grep -qE -- "$1" "$scratch/err" && report 1 "$2" || report 0 "$2 (wanted stderr =~ $1)"; }

# wait_for COMMAND... — until it succeeds (a minute at most: a hang guard).
wait_for() {
    local i
    for i in $(seq 1200); do
        "$@" && return 0
        sleep 0.05
    done
    return 1
}
port_in() { grep -oE '127\.0\.0\.1:[0-9]+' "$1" 2>/dev/null | head -n1 | cut -d: -f2; }
has_port() { [[ -n $(port_in "$1") ]]; }
has_lines() { (($(wc -l <"$1" 2>/dev/null || echo 0) >= $2)); }
ended() { ! kill -0 "$1" 2>/dev/null; }

datagrams=$(grep -vc '^#' session.rec)
grep -v '^#' session.rec | awk '{print $2}' >"$scratch/sent.hex"

# ---- tee to two listeners while recording ------------------------------------
python3 "$here/udp_sink.py" "$scratch/a.port" "$scratch/a.hex" "$datagrams" &
sink_a=$!
python3 "$here/udp_sink.py" "$scratch/b.port" "$scratch/b.hex" "$datagrams" &
sink_b=$!
pids+=("$sink_a" "$sink_b")
wait_for test -s "$scratch/a.port" && wait_for test -s "$scratch/b.port"
"$tool" tee --port 0 --to "127.0.0.1:$(cat "$scratch/a.port")" --to "127.0.0.1:$(cat "$scratch/b.port")" \
    --record "$scratch/show.rec" 2>"$scratch/tee.err" &
tee_pid=$!
pids+=("$tee_pid")
if wait_for has_port "$scratch/tee.err"; then
    [[ -e $scratch/show.rec.partial && ! -e $scratch/show.rec ]]
    last="tee --record"; report $((! $?)) "tee records to show.rec.partial while it runs"
    "$tool" replay session.rec --to "127.0.0.1:$(port_in "$scratch/tee.err")" --speed 4 2>/dev/null
    wait_for ended "$sink_a"; wait_for ended "$sink_b"
    wait_for has_lines "$scratch/show.rec.partial" $((datagrams + 1))
    kill -INT "$tee_pid"; wait "$tee_pid"; code=$?
    cp "$scratch/tee.err" "$scratch/err"; : >"$scratch/out"
    last="polar-osc tee (SIGINT)"; expect_code 0 "tee ended by SIGINT exits 0"
    expect_err "tee: $datagrams datagrams in, $((2 * datagrams)) forwarded to 2 destinations, 0 send errors, $datagrams recorded" \
        "tee prints its summary: in, forwarded, send errors, recorded"
    cmp -s "$scratch/sent.hex" "$scratch/a.hex"; report $((! $?)) "listener A got every datagram byte for byte"
    cmp -s "$scratch/sent.hex" "$scratch/b.hex"; report $((! $?)) "listener B got every datagram byte for byte"
    [[ -e $scratch/show.rec && ! -e $scratch/show.rec.partial ]]
    report $((! $?)) "Ctrl-C renamed show.rec.partial to show.rec"
    run dump --file "$scratch/show.rec"
    cmp -s "$scratch/out" session.dump; report $((! $?)) "tee's recording dumps like the original"
else
    report 0 "tee said where it listens"
fi

# ---- tee never waits for an absent destination -------------------------------
# Port 9 (discard) on loopback: nobody listens; sends fail or vanish, and
# tee goes on either way (the count is the kernel's business, not ours).
"$tool" tee --port 0 --to 127.0.0.1:9 2>"$scratch/tee2.err" &
tee_pid=$!
pids+=("$tee_pid")
if wait_for has_port "$scratch/tee2.err"; then
    "$tool" replay session.rec --to "127.0.0.1:$(port_in "$scratch/tee2.err")" --speed 4 2>/dev/null
    wait_for grep -q . "$scratch/tee2.err"
    kill -TERM "$tee_pid"; wait "$tee_pid"; code=$?
    cp "$scratch/tee2.err" "$scratch/err"
    last="polar-osc tee --to 127.0.0.1:9 (SIGTERM)"; expect_code 0 "tee to an absent listener exits 0"
    expect_err "tee: [0-9]+ datagrams in, [0-9]+ forwarded to 1 destination, [0-9]+ send errors in" \
        "tee without --record prints its summary"
fi

# ---- never lose a recording --------------------------------------------------
keep=$scratch/keep.rec
cp session.rec "$keep"
bytes=$(wc -c <session.rec)
unchanged() { cmp -s session.rec "$keep" && [[ $(wc -c <"$keep") == "$bytes" && ! -e $keep.partial ]]; }

run record "$keep" --port 0 --duration 0.01
expect_code 2 "record refuses an existing file without --force"
expect_err "keep.rec exists \($bytes bytes\); pass --force" "the refusal names the file, its size and --force"
unchanged; report $((! $?)) "the refused file is byte for byte unchanged ($bytes bytes)"

run tee --port 0 --to 127.0.0.1:9 --record "$keep" --duration 0.01
expect_code 2 "tee --record refuses an existing file without --force"
unchanged; report $((! $?)) "tee left the file unchanged"

# A port in use: a listener of our own holds it; even --force touches nothing.
"$tool" dump --port 0 >/dev/null 2>"$scratch/busy.err" &
busy=$!
pids+=("$busy")
if wait_for has_port "$scratch/busy.err"; then
    port=$(port_in "$scratch/busy.err")
    run record "$keep" --port "$port" --force --duration 0.01
    expect_code 2 "record on a busy port exits 2"
    expect_err "Address already in use" "the message says the address is in use"
    unchanged; report $((! $?)) "a busy port leaves the existing file intact (even with --force)"
    run tee --port "$port" --to 127.0.0.1:9 --record "$keep" --force --duration 0.01
    expect_code 2 "tee on a busy port exits 2"
    unchanged; report $((! $?)) "tee on a busy port leaves the existing file intact"
fi
kill "$busy" 2>/dev/null; wait "$busy" 2>/dev/null

run record "$keep" --port 0 --force --duration 0.01
expect_code 0 "record --force replaces an existing file"
[[ $(cat "$keep") == "# polar-osc recording v1" && ! -e $keep.partial ]]
report $((! $?)) "the replaced file is a fresh recording (the header alone)"

run record "$scratch/new.rec.partial.test" --port 0 --duration 0.01
expect_code 0 "record to a new file exits 0"

# A stale FILE.partial is an earlier recording's only copy: kept without --force.
: >"$scratch/stale.rec.partial"
run record "$scratch/stale.rec" --port 0 --duration 0.01
expect_code 2 "a stale FILE.partial is refused without --force"

# /dev/full: not a regular file, so written directly, and every write fails.
run record /dev/full --port 0 --duration 60
expect_code 2 "record /dev/full without --force is refused"
expect_err "not a regular file; pass --force" "the refusal says why"
run record /dev/full --force --port 0 --duration 60
expect_code 2 "record /dev/full --force exits 2"
expect_err "cannot write /dev/full: No space left on device" "the write error names its reason at once"
run tee --port 0 --to 127.0.0.1:9 --record /dev/full --force --duration 60
expect_code 2 "tee --record /dev/full --force exits 2"
expect_err "No space left on device" "tee reports the write error too"

echo "$((checks - failures)) passed, $failures failed"
((failures == 0))
