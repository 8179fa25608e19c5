#!/usr/bin/env bash
# hostile.sh — the hostile-input suite on the real program: each input of
# issue 11 given to `polar query` must exit 2 with a clean `error:` (or
# print the right answer), within the memory limit set, and `polar repl`
# given the same input must report it and answer the next query.
#
# Environment (set by tests/hostile/CMakeLists.txt): HOSTILE_POLAR,
# HOSTILE_TOOL (prints generated inputs), HOSTILE_POLICY, HOSTILE_SANITIZED.
# Time is never a verdict: `timeout 120` only turns a hang into a failure.
set -uo pipefail
polar=${HOSTILE_POLAR:?}
tool=${HOSTILE_TOOL:?}
policy=${HOSTILE_POLICY:?}
[[ -x $polar && -x $tool ]] || { echo "SKIP: programs not built"; exit 77; }
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
checks=0 failures=0

# expect NAME EXIT PATTERN [MAX_RSS_MB] -- ARGS...: run polar ARGS, check the
# exit code, that stdout+stderr match PATTERN, and the peak resident memory.
expect() {
    local name=$1 want=$2 pattern=$3 maxmb=$4
    shift 5
    checks=$((checks + 1))
    local code=0
    /usr/bin/time -f '%M' -o "$scratch/rss" timeout --kill-after=5 120 "$polar" "$@" \
        >"$scratch/out" 2>&1 </dev/null || code=$?
    local rss_kb
    rss_kb=$(tail -1 "$scratch/rss" 2>/dev/null || echo 0)
    local why=""
    [[ $code == "$want" ]] || why="exit $code, expected $want"
    grep -qE -- "$pattern" "$scratch/out" || why="$why; output does not match /$pattern/"
    if [[ $HOSTILE_SANITIZED != 1 && $maxmb != - ]] && ((rss_kb > maxmb * 1024)); then
        why="$why; peak memory $((rss_kb / 1024)) MiB above $maxmb MiB"
    fi
    if [[ -n $why ]]; then
        failures=$((failures + 1))
        echo "FAIL - $name: $why"
        head -c 2000 "$scratch/out"
        echo
    else
        echo "ok   - $name (exit $code, peak $((rss_kb / 1024)) MiB)"
    fi
}

plus=$("$tool" plus 20000)
dot=$("$tool" dot 100000)
doubled=$("$tool" doubled 64)

expect "20,000-long + chain" 2 'error: .*256' - -- query -q "$plus"
# 200 KB: above what one argument may hold (128 KiB), so from a file.
printf 'r(x) if %s;\n' "$dot" >"$scratch/dot.polar"
expect "100,000-long . chain in a policy" 2 'error: .*256' - -- check "$scratch/dot.polar"
expect "cyclic unification" 2 'error: Goal stack overflow' 200 -- query -q 'x = [1, *x] and y = [1, *y] and x = y'
expect "cyclic nesting unification" 2 'error: Goal stack overflow' 200 -- query -q 'x = [x] and y = [y] and x = y'
expect "in over a cyclic list" 2 'error: Goal stack overflow' 200 -- query -q 'x = [1, *x] and 2 in x'
expect "a cyclic answer" 0 'x = \[1, 1, \*_this\]' 200 -- query -q 'x = [1, *x]'
expect "printing a cyclic term" 0 '^\[1, 1, \*_this\]' 200 -- query -q 'x = [1, *x] and print(x)'
expect "an answer that contains itself" 0 'y = \{y: \{y: _this\}\}' 200 -- query -q 'y = {y: y} and ["y", y] in y'
expect "2^64 shared leaves as an answer" 2 'error: .*memory limit' 400 -- query --max-memory 128M -q "$doubled"
expect "a runaway term" 2 'error: .*memory limit' 400 -- query --max-memory 128M "$policy" -q 'grow(0, [])'
expect "steps are exact" 2 'error: Query exceeded the limit of 2 steps' - -- query --max-steps 2 "$policy" -q 'f(x)'
if [[ $(grep -c '^x = ' "$scratch/out") != 1 ]]; then
    failures=$((failures + 1)); echo "FAIL - --max-steps 2 (the first answer takes 2 goals) let more than one answer through"
fi
expect "a paced query stops at its timeout" 2 'error: Query timeout' - -- query --osc 127.0.0.1:9 --pace 10ms --timeout 1s "$policy" -q 'loop(1)'
expect "a --bpm 60 query stops at its timeout" 2 'error: Query timeout' - -- query --osc 127.0.0.1:9 --bpm 60 --timeout 1s "$policy" -q 'loop(1)'
expect "inf is a number" 0 'x = inf' - -- query -q 'x = inf and x > 1'
expect "a trailing comma in a call" 2 'error:' - -- query "$policy" -q 'f(1,)'
expect "not over a later binding" 0 'x = 2' - -- query "$policy" -q 'g(x) and x = 2'

# The REPL survives each and answers the next query.
printf '%s\n' "$plus" 'x = [1, *x] and y = [1, *y] and x = y' "$doubled" 'grow(0, [])' 'f(x) and x > 2' \
    >"$scratch/session"
checks=$((checks + 1))
code=0
timeout --kill-after=5 120 "$polar" repl --max-memory 128M "$policy" <"$scratch/session" >"$scratch/out" 2>&1 || code=$?
errors=$(grep -c 'error:' "$scratch/out" || true)
if [[ $errors -ge 4 ]] && grep -q 'x = 3' "$scratch/out"; then
    echo "ok   - polar repl reports $errors errors and answers the next query"
else
    failures=$((failures + 1))
    echo "FAIL - polar repl: $errors errors (expected 4), exit $code"
    head -c 3000 "$scratch/out"
fi

echo "$((checks - failures)) passed, $failures failed"
((failures == 0))
