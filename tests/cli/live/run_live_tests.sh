#!/usr/bin/env bash
# run_live_tests.sh GROUP POLAR — the live-coding loop (issue 13) on the real
# binary, heard by liblo's oscdump.
#
#   live  `polar live policy.polar -q 'f(x)' --every 100ms --osc 127.0.0.1:PORT`
#         while the test saves the policy as an editor would: a changed rule,
#         a syntax error on line 3, the fix, delete + recreate, rename-over.
#         Each step waits for its evidence (new answers on stdout, the error
#         on stderr, /polar/policy/loaded or /polar/policy/error in oscdump's
#         output) by polling with a deadline of a minute: nothing is decided
#         by how fast the machine is, the deadline only guards against a hang.
#         Then SIGINT: the summary is printed and the exit code is 0.
#   repl  `polar repl` with piped stdin: :help, :limits, :load, :reload after
#         an edit (and after a broken edit: the old policy stays), --osc and
#         :osc heard by oscdump.
#
# Exits 77 (ctest SKIP_RETURN_CODE) when oscdump or oscsend is missing.
set -uo pipefail

group=${1:?usage: run_live_tests.sh GROUP POLAR}
polar=${2:?usage: run_live_tests.sh GROUP POLAR}
for tool in oscdump oscsend; do
    command -v "$tool" >/dev/null || { echo "SKIP: $tool not found (liblo-tools)"; exit 77; }
done

here=$(cd "$(dirname "$0")" && pwd)
polar=$(realpath "$polar")
scratch=$(mktemp -d)
live_pid=
dump_pids=()
cleanup() {
    [[ -n $live_pid ]] && kill "$live_pid" 2>/dev/null
    for p in "${dump_pids[@]}"; do kill "$p" 2>/dev/null; done
    rm -rf "$scratch"
}
trap cleanup EXIT
cd "$scratch" || exit 1

checks=0
failures=0
code=0
last=""
touch "$scratch/out" "$scratch/err"
# shellcheck source=../../report.sh
source "$here/../../report.sh"

# A minute: a safety net against a hang, never a speed requirement.
deadline_tenths=600

# eventually DESCRIPTION COMMAND... — polls COMMAND every 0.1 s until it
# succeeds or the deadline passes; reports the outcome.
eventually() {
    local description=$1 k
    shift
    for ((k = 0; k < deadline_tenths; k++)); do
        if "$@"; then report 1 "$description"; return 0; fi
        sleep 0.1
    done
    report 0 "$description (not seen within $((deadline_tenths / 10)) s)"
    return 1
}

# start_dump FILE — oscdump on a free loopback port (drawn at random; a taken
# port makes oscdump exit and another is drawn), answering a probe; sets port.
start_dump() {
    local out=$1 attempt k
    for attempt in 1 2 3 4 5 6 7 8; do
        port=$((49152 + RANDOM % 16000))
        oscdump -L "$port" >"$out" 2>/dev/null &
        local pid=$!
        for ((k = 1; k <= deadline_tenths; k++)); do
            oscsend 127.0.0.1 "$port" /probe i "$k" 2>/dev/null || true
            if grep -q ' /probe ' "$out" 2>/dev/null; then dump_pids+=("$pid"); return 0; fi
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    done
    echo "FAIL: oscdump did not start"
    exit 1
}

has() { grep -Eq -- "$2" "$1"; }
count() { grep -Ec -- "$2" "$1"; }
# save TEXT — writes the policy in place (as `echo > file` or a simple editor).
save() { printf '%s' "$1" >policy.polar; }

test_live() {
    save $'f(1);\n'
    start_dump dump.txt
    "$polar" live policy.polar -q 'f(x)' --every 100ms --osc "127.0.0.1:$port" \
        >"$scratch/out" 2>"$scratch/err" &
    live_pid=$!
    last="polar live policy.polar -q 'f(x)' --every 100ms --osc 127.0.0.1:$port"

    eventually "the first answers appear: #N f(x): x = 1" has out '^#[0-9]+ f\(x\): x = 1$'
    # /polar/policy/loaded and /error come from the OscBroadcaster of the
    # viewer-live branch. The load is announced before the first query on
    # the same socket, so once a /polar/query/begin is heard, a missing
    # /polar/policy/loaded means this build does not send it: say so once,
    # and fail those checks at once instead of waiting out their deadlines.
    eventually "oscdump hears the passes' queries" has dump.txt ' /polar/query/begin '
    policy_osc=1
    if ! has dump.txt ' /polar/policy/loaded '; then
        policy_osc=0
        echo "NOTE - this build's OscBroadcaster sends no /polar/policy/* messages (they come from the viewer-live branch)"
    fi
    osc_check() {  # osc_check DESCRIPTION COMMAND... — eventually, or fail at once
        if [[ $policy_osc == 1 ]]; then eventually "$@"; else report 0 "$1 (no /polar/policy/* in this build)"; fi
    }
    osc_check "/polar/policy/loaded \"policy.polar\" HASH 1 6 heard by oscdump" \
        has dump.txt ' /polar/policy/loaded ssii "policy\.polar" "[0-9a-f]{16}" 1 6$'

    save $'f(2);\n'
    eventually "a changed rule: the next passes answer x = 2" has out 'f\(x\): x = 2$'
    eventually "stderr says reloaded with the new hash" has err '^polar: reloaded 1 file, 1 rules, hash [0-9a-f]{16}$'

    save $'# line 1\nf(2);\nf(x) if x = ;\n'
    eventually "a syntax error is printed as policy.polar:3:COL: error:" \
        has err '^policy\.polar:3:[0-9]+: error:'
    eventually "with the source line and a caret" has err '^ +\^$'
    osc_check "/polar/policy/error \"policy.polar\" 3 COL NAME MESSAGE heard by oscdump" \
        has dump.txt ' /polar/policy/error siiss "policy\.polar" 3 [0-9]+ "[A-Za-z:]+" '
    local before
    before=$(count out 'f\(x\): x = 2$')
    eventually "after the error the last good policy keeps answering x = 2" \
        bash -c "(( \$(grep -c 'f(x): x = 2\$' out) > $before + 2 ))"

    save $'f(3);\n'
    eventually "the fix is loaded: x = 3" has out 'f\(x\): x = 3$'

    rm policy.polar && save $'f(4);\n'
    eventually "delete + recreate is seen: x = 4" has out 'f\(x\): x = 4$'

    printf 'f(5);\n' >policy.polar.tmp && mv policy.polar.tmp policy.polar
    eventually "a rename-over save is seen: x = 5" has out 'f\(x\): x = 5$'
    osc_check "/polar/policy/loaded for every good load (6 bytes, its own hash)" \
        bash -c "[[ \$(grep -Ec ' /polar/policy/loaded ssii \"policy\\.polar\" ' dump.txt) -ge 5 ]]"

    kill -0 "$live_pid" 2>/dev/null
    report $((! $?)) "the loop never stopped through all of it"

    kill -INT "$live_pid"
    local k
    for ((k = 0; k < deadline_tenths; k++)); do kill -0 "$live_pid" 2>/dev/null || break; sleep 0.1; done
    wait "$live_pid"
    code=$?
    live_pid=
    [[ $code == 0 ]] && report 1 "SIGINT: exit 0" || report 0 "SIGINT: exit 0 (got $code)"
    has err '^polar live: [0-9]+ passes, [0-9]+ reloads, [1-9][0-9]* load errors, [0-9]+ answers, 0 query errors; OSC: [0-9]+ sent, 0 dropped'
    report $((! $?)) "SIGINT prints the summary (passes, reloads, load errors, answers, OSC)"

    # --queries FILE is watched like the policy.
    printf 'f(x)\n' >q.txt
    "$polar" live policy.polar --queries q.txt --every 100ms >q.out 2>q.err &
    live_pid=$!
    last="polar live policy.polar --queries q.txt --every 100ms"
    eventually "--queries FILE: its query runs" has q.out '^#[0-9]+ f\(x\): x = 5$'
    printf '# two now\nf(x)\nx = 2 + 2;\n' >q.txt
    eventually "an edited --queries file runs its new query" has q.out '^#[0-9]+ x = 2 \+ 2: x = 4$'
    kill -INT "$live_pid"
    wait "$live_pid"
    live_pid=

    # --wait: a file that does not exist yet is waited for, then loaded.
    "$polar" live later.polar -q 'f(x)' --every 100ms --wait >w.out 2>w.err &
    live_pid=$!
    last="polar live later.polar -q 'f(x)' --every 100ms --wait"
    eventually "--wait says what it waits for" has w.err '^polar: waiting for later\.polar$'
    printf 'f(7);\n' >later.polar
    eventually "--wait: the file, once written, is loaded and asked" has w.out '^#[0-9]+ f\(x\): x = 7$'
    kill -INT "$live_pid"
    wait "$live_pid"
    live_pid=

    # Ctrl-C in the middle of a query that never ends by itself (no answer,
    # a 10-minute timeout; 2^60 failing leaves at depth 60 at most):
    # Limits::cancel stops it, the summary shows one pass and no query error.
    printf 'spin(n) if n > 0 and (spin(n - 1) or spin(n - 1));\n' >spin.polar
    start_dump spin-dump.txt
    "$polar" live spin.polar -q 'spin(60)' --timeout 10m --osc "127.0.0.1:$port" >s.out 2>s.err &
    live_pid=$!
    last="polar live spin.polar -q 'spin(60)' --timeout 10m --osc 127.0.0.1:$port"
    eventually "an endless query is running (its rule calls are heard)" \
        has spin-dump.txt ' /polar/rule s[a-z]* "spin"'
    kill -INT "$live_pid"
    for ((k = 0; k < deadline_tenths; k++)); do kill -0 "$live_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$live_pid" 2>/dev/null  # still running after a minute: the check fails, nothing hangs
    wait "$live_pid"
    code=$?
    live_pid=
    [[ $code == 0 ]] && has s.err '^polar live: 1 passes, [0-9]+ reloads, 0 load errors, 0 answers, 0 query errors'
    report $((! $?)) "Ctrl-C stops a running query (Limits::cancel): exit 0, one pass, no query error"

    # Usage errors and the missing-file exit code.
    "$polar" live missing.polar -q 'f(x)' >"$scratch/out" 2>"$scratch/err"
    code=$?
    last="polar live missing.polar -q 'f(x)'"
    [[ $code == 1 ]] && has err 'cannot open missing\.polar'
    report $((! $?)) "a missing file at start: exit 1 and cannot open"
    "$polar" live policy.polar >"$scratch/out" 2>"$scratch/err"
    code=$?
    last="polar live policy.polar"
    [[ $code == 2 ]]
    report $((! $?)) "no query: exit 2"
    "$polar" live policy.polar -q 'f(x)' --every 0 >"$scratch/out" 2>"$scratch/err"
    code=$?
    last="polar live policy.polar -q 'f(x)' --every 0"
    [[ $code == 2 ]] && has err '^--every: .*between 1ms and 1h'
    report $((! $?)) "--every 0: exit 2 naming the range"
    "$polar" live policy.polar -q 'f(x)' --passes 3 --quiet >"$scratch/out" 2>"$scratch/err"
    code=$?
    last="polar live policy.polar -q 'f(x)' --passes 3 --quiet"
    [[ $code == 0 && $(cat out) == $'#1: 1 queries, 1 answers, 0 errors\n#2: 1 queries, 1 answers, 0 errors\n#3: 1 queries, 1 answers, 0 errors' ]]
    report $((! $?)) "--passes 3 --quiet: three summary lines, exit 0"
}

# repl INPUT ARGS... — polar repl with INPUT on stdin.
repl() {
    local input=$1
    shift
    printf '%s' "$input" | "$polar" repl "$@" >"$scratch/out" 2>"$scratch/err"
    code=$?
    last="polar repl $*"
}

test_repl() {
    printf 'p(1);\n' >p.polar
    repl $':help\n'
    has out '^:load FILE' && has out '^:reload' && has out '^:osc HOST:PORT'
    report $((! $?)) ":help lists :load, :reload, :osc"

    repl $':limits\n:limits timeout 5s\n:limits max-depth 7\n:limits timeout 7200s\n'
    [[ $(sed -n 1p out) == "timeout 30000ms, max-depth 10000000, max-steps none, max-memory 4294967296 bytes" ]]
    report $((! $?)) ":limits shows the defaults"
    [[ $(sed -n 2p out) == "timeout 5000ms"* && $(sed -n 3p out) == *"max-depth 7,"* ]]
    report $((! $?)) ":limits timeout 5s and max-depth 7 set them"
    has err '^polar: error: :limits timeout: must be 0 \(none\) or between 1us and 1h \(a cap\), got 7200s'
    report $((! $?)) ":limits refuses a timeout past its cap"

    repl $':load p.polar\np(x)\n'
    [[ $(cat out) == $'loaded p.polar\nx = 1\ntrue' ]]
    report $((! $?)) ":load then a query answers from the file"

    repl $'p(x)\n:! edit\n' p.polar
    has err 'unknown command :!'
    report $((! $?)) "an unknown : command is reported and the session goes on"

    # :reload after an edit, then after a broken edit (the old policy stays).
    # stdin is a FIFO fed line by line, each step waiting for the REPL's
    # answer, so the edits land between the lines that should see them.
    printf 'p(1);\n' >p.polar
    mkfifo in.fifo
    "$polar" repl p.polar <in.fifo >"$scratch/out" 2>"$scratch/err" &
    local repl_pid=$!
    exec 3>in.fifo
    last="(a FIFO, edits between lines) | polar repl p.polar"
    printf 'p(x)\n' >&3
    eventually "the REPL answers from p.polar" has out '^x = 1$'
    printf 'p(2);\n' >p.polar
    printf ':reload\np(x)\n' >&3
    eventually ":reload picks up the edit: x = 2" has out '^x = 2$'
    printf 'p(3) if ;\n' >p.polar
    printf ':reload\np(x)\n' >&3
    eventually "a broken :reload prints the error with its line" has err '^p\.polar:1:[0-9]+: error:'
    eventually "and the old policy still answers x = 2" bash -c '(( $(grep -c "^x = 2$" out) == 2 ))'
    has err 'reload failed; the previous policy is still loaded'
    report $((! $?)) "it says the previous policy is still loaded"
    exec 3>&-
    wait "$repl_pid"
    code=$?
    [[ $code == 0 ]]
    report $((! $?)) "end of input ends the REPL with exit 0"

    printf 'p(1);\n' >p.polar
    start_dump dump1.txt
    repl $'p(x)\n' p.polar --osc "127.0.0.1:$port"
    eventually "--osc: oscdump hears the query" has dump1.txt ' /polar/query/begin '
    start_dump dump2.txt
    repl ":osc 127.0.0.1:$port"$'\np(x)\n:osc\n:osc off\np(x)\n' p.polar
    eventually ":osc HOST:PORT: oscdump hears the next query" has dump2.txt ' /polar/query/begin '
    [[ $(sed -n 1p out) == "osc: 127.0.0.1:$port" && $(cat out) == *"osc: off"* ]]
    report $((! $?)) ":osc lists the destination, :osc off turns it off"
    [[ $(count dump2.txt ' /polar/query/begin ') == 1 ]]
    report $((! $?)) "after :osc off the next query is not broadcast"
}

case $group in
    live | repl) "test_$group" ;;
    *) echo "run_live_tests.sh: unknown group $group" >&2; exit 2 ;;
esac
echo "$((checks - failures)) passed, $failures failed"
[[ $failures == 0 ]]
