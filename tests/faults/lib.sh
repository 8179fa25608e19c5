# lib.sh — sourced by every tests/faults/*.sh script: the programs under
# test, a scratch directory, bounded runs, background processes that are
# always killed, and ok/FAIL reporting. Not run on its own.
#
# The programs come from the environment, set by tests/faults/CMakeLists.txt:
#   FAULT_POLAR      build/cli/polar
#   FAULT_OSC_TOOL   build/osc/tool/polar-osc
#   FAULT_GITHUB     build/examples/github/polar-github
#   FAULT_TOOL       build/tests/faults/polar_fault_tool (the misbehaving peers)
#   FAULT_FIXTURES   tests/faults (faults.polar)
#   FAULT_SANITIZED  1 in a POLAR_SANITIZE build (some loads are scaled down)
# Each check prints "ok   - ..." or "FAIL - ..." with the command's output;
# finish() prints the totals and fails the script if any check failed.
set -euo pipefail
unset POLAR_OSC # the tests decide where OSC goes, not the caller's shell

for program in "${FAULT_POLAR:?}" "${FAULT_OSC_TOOL:?}" "${FAULT_GITHUB:?}" "${FAULT_TOOL:?}"; do
    if [[ ! -x $program ]]; then
        echo "SKIP: $program is not built"
        exit 77
    fi
done
command -v timeout >/dev/null || { echo "SKIP: timeout (coreutils) is missing"; exit 77; }
# shellcheck disable=SC2034 # both are used by the scripts that source this file
policy=${FAULT_FIXTURES:?}/faults.polar
# shellcheck disable=SC2034
normal_query='count(3) and x = 1' # the query every fault is followed by

scratch=$(mktemp -d)
pids=()
cleanup() {
    local pid
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
    rm -rf "$scratch"
}
trap cleanup EXIT

# Any single step gets this long. A healthy step takes at most a few
# seconds even under the sanitizers; a hang becomes a failure with output,
# well before ctest's own TIMEOUT kills the script silently.
step_timeout=60
# Waiting for something to appear (a line, a port, a process to exit) is
# bounded by this safety net, never by a guess of how long it takes: what
# the scripts wait for comes within a second or two, and a minute lets a
# machine loaded many times over still get there. (The waits were 10-20 s.)
wait_limit=60

checks=0
failures=0
code=0
last=""
# run ARGS... — stdout, stderr and exit code into $scratch/out, $scratch/err, $code.
run() {
    code=0
    timeout --kill-after=5 "$step_timeout" "$@" >"$scratch/out" 2>"$scratch/err" || code=$?
    last="$*"
    last=${last:0:300}
}
# run_with_input TEXT ARGS... — run, with TEXT on stdin (a piped REPL session).
run_with_input() {
    local input=$1
    shift
    code=0
    printf '%s' "$input" | timeout --kill-after=5 "$step_timeout" "$@" \
        >"$scratch/out" 2>"$scratch/err" || code=$?
    last="$* <<< ${input:0:100}"
    last=${last:0:400}
}
# report 1|0 DESCRIPTION: counts and prints a check (tests/report.sh).
# shellcheck source=../report.sh
source "$(dirname "${BASH_SOURCE[0]}")/../report.sh"
check() { # check DESCRIPTION COMMAND... — ok when COMMAND succeeds
    local description=$1
    shift
    if "$@"; then report 1 "$description"; else report 0 "$description"; fi
}
expect_code() { check "$2 (exit $1)" test "$code" = "$1"; }
expect_err() { check "$2" grep -qE -- "$1" "$scratch/err"; }
expect_out() { check "$2" grep -qE -- "$1" "$scratch/out"; }

# wait_for FILE REGEX — until a line of FILE matches (polls every 50 ms,
# at most $wait_limit seconds).
wait_for() {
    local tries=$((wait_limit * 20))
    while ((tries-- > 0)); do
        grep -qE -- "$2" "$1" 2>/dev/null && return 0
        sleep 0.05
    done
    return 1
}
# port_in FILE — the port of the first "127.0.0.1:PORT" in FILE, once it appears.
port_in() {
    wait_for "$1" '127\.0\.0\.1:[0-9]+' || return 1
    grep -oE '127\.0\.0\.1:[0-9]+' "$1" | head -n1 | cut -d: -f2
}
# stop PID SIGNAL — signal a background process and wait (at most
# $wait_limit seconds) for its exit status, into $code.
stop() {
    local pid=$1 signal=$2 tries=$((wait_limit * 20))
    kill "-$signal" "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && ((tries-- > 0)); do sleep 0.05; done
    kill -KILL "$pid" 2>/dev/null || true
    code=0
    wait "$pid" || code=$?
    last="kill -$signal (pid $pid)"
}
# progress_lines FILE — how many "[N s] ..." progress lines polar-github printed.
progress_lines() { grep -c '^\[[0-9]* s\]' "$1" 2>/dev/null || true; }

finish() {
    echo "$((checks - failures)) passed, $failures failed"
    ((failures == 0))
}
# wait_for_progress FILE COUNT — until polar-github printed COUNT progress
# lines (at most $wait_limit seconds).
wait_for_progress() {
    local tries=$((wait_limit * 20))
    while ((tries-- > 0)); do
        (($(progress_lines "$1") >= $2)) && return 0
        sleep 0.05
    done
    return 1
}
