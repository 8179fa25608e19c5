#!/usr/bin/env bash
# run_cli_tests.sh GROUP POLAR — process-level tests of the `polar` command.
#
# The promises scripts rely on are exit codes and exact output lines, and
# only the real binary keeps those promises (CLI11 parsing, stream flushing,
# isatty), so these checks run it as a user would. ctest runs one GROUP per
# test (query, check, repl, help, shutdown) from tests/cli/fixtures/, so paths in
# error messages are the short fixture names. Each check prints ok/FAIL;
# the script fails if any check does.
set -uo pipefail

group=${1:?usage: run_cli_tests.sh GROUP POLAR}
polar=${2:?usage: run_cli_tests.sh GROUP POLAR}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

checks=0
failures=0
out=""
err=""
code=0

# run [ARGS...] — runs polar with stdin from $input (empty by default),
# leaving stdout in $out, stderr in $err and the exit status in $code.
input=""
run() {
    printf '%s' "$input" | "$polar" "$@" >"$scratch/out" 2>"$scratch/err"
    code=$?
    out=$(cat "$scratch/out")
    err=$(cat "$scratch/err")
    last="polar $*"
}

# report 1|0 DESCRIPTION: counts and prints a check (tests/report.sh).
# shellcheck source=../report.sh
source "$(dirname "$0")/../report.sh"

expect_code() { [[ $code == "$1" ]] && report 1 "$2" || report 0 "$2 (wanted exit $1)"; }
expect_out() { [[ $out == "$1" ]] && report 1 "$2" || report 0 "$2 (wanted stdout: $1)"; }
# As expect_out, ignoring spaces: JSON spacing is the engine's choice.
expect_out_unspaced() {
    [[ ${out// /} == "${1// /}" ]] && report 1 "$2" || report 0 "$2 (wanted stdout: $1)"
}
expect_err_line() {  # the first stderr line matches an extended regex
    [[ $(head -n1 <<<"$err") =~ $1 ]] && report 1 "$2" || report 0 "$2 (wanted stderr =~ $1)"
}
expect_err_nonempty() { [[ -n $err ]] && report 1 "$1" || report 0 "$1 (stderr was empty)"; }

# Compiler-style error header: file:line:col: error:
error_header='^[^:]+:[0-9]+:[0-9]+: error:'

test_query() {
    run query family.polar -q 'parent("ada", x)'
    expect_code 0 "query with answers exits 0"
    expect_out $'x = "ben"\nx = "cleo"' "answers print as name = value, one per line"

    run query family.polar -q 'parent("x", "y")'
    expect_code 1 "query without answers exits 1"
    expect_out "" "a query without answers prints nothing"

    run query family.polar --query 'parent("ada", "ben")'
    expect_out "true" "an answer without bindings prints true (--query spelling)"

    run query --json family.polar -q 'parent("ada", x)'
    expect_code 0 "--json exits 0"
    expect_out_unspaced $'{"x": "ben"}\n{"x": "cleo"}' "--json prints one JSON object per answer"

    run query --limit 1 family.polar -q 'ancestor("ada", x)'
    expect_out 'x = "ben"' "--limit 1 stops after the first answer"

    run query --trace family.polar -q 'ancestor("ada", "dora")'
    expect_code 0 "--trace exits 0"
    expect_out "true" "--trace leaves stdout to the answers"
    expect_err_nonempty "--trace writes the trace to stderr"

    run query family.polar -q 'x = 9223372036854775807 + 1'
    expect_code 2 "a runtime error exits 2"
    expect_err_line "$error_header" "a runtime error prints file:line:col: error:"

    run query family.polar -q 'parent("ada", x) and'
    expect_code 2 "a query that does not parse exits 2"

    run query bad_syntax.polar -q '1 = 1'
    expect_code 2 "a policy that does not parse exits 2"
    expect_err_line '^bad_syntax\.polar:3:[0-9]+: error:' "the parse error names file and line 3"

    run query missing.polar -q '1 = 1'
    expect_code 2 "a missing file exits 2"
    expect_err_line '^polar: error: cannot open missing\.polar' "a missing file says cannot open"

    run query family.polar
    expect_code 2 "a query command without -q exits 2"

    # Input that nests deeper than the parser's limit (256 levels) is a parse
    # error with a caret, never a crash (issue 11).
    run query -q "x = 1$(printf ' + 1%.0s' $(seq 20000))"
    expect_code 2 "a 20,000-long + chain exits 2 (the depth limit, not a crash)"
    expect_err_line '^<query>:1:1027: error: expression nested more than 256 levels deep' \
        "it is reported at the + that goes past 256 levels"
    [[ $(sed -n 3p <<<"$err") =~ ^\ +\^$ ]] && report 1 "a caret points at it" ||
        report 0 "a caret points at it (stderr line 3)"

    printf 'f(y) if x = y%s;\n' "$(printf '.a%.0s' $(seq 100000))" >"$scratch/dots.polar"
    run query "$scratch/dots.polar" -q 'f(1)'
    expect_code 2 "a policy with a 100,000-long . chain exits 2"
    expect_err_line '^[^:]+dots\.polar:1:[0-9]+: error: expression nested more than 256 levels deep' \
        "the error names the file, line and limit"
}

test_check() {
    run check family.polar
    expect_code 0 "check of a valid policy exits 0"
    expect_out "ok: 1 file" "check says ok"

    run check bad_syntax.polar
    expect_code 2 "check of an invalid policy exits 2"
    expect_err_line "$error_header" "check prints file:line:col: error:"

    run check missing.polar
    expect_code 2 "check of a missing file exits 2"
    expect_err_line '^polar: error: cannot open missing\.polar' "check says cannot open"

    run check
    expect_code 2 "check without files exits 2"
}

test_repl() {
    input=$'parent("ada", x)\nparent("x", "y");\n\n1 = 1\nexit\n1 = 1\n'
    run repl family.polar
    expect_code 0 "repl exits 0 at exit"
    expect_out $'x = "ben"\nx = "cleo"\ntrue\nfalse\ntrue' \
        "piped repl: bindings then true/false, no prompt, stops at exit"

    input=$'x = 9223372036854775807 + 1\n1 = 1;\n'
    run repl
    expect_code 0 "repl survives an error and exits 0 at EOF"
    expect_out "true" "the query after an error still runs"
    expect_err_line "$error_header" "repl prints errors in the usual format"

    input="x = 1$(printf ' + 1%.0s' $(seq 20000))"$'\nx = 1 + 2\n'
    run repl
    expect_code 0 "repl survives a 20,000-long + chain"
    expect_out $'x = 3\ntrue' "the query after it still answers"
    expect_err_line '^<query>:1:1027: error: expression nested more than 256 levels deep' \
        "repl reports the depth limit as a parse error"

    input=$'quit\n'
    run repl family.polar
    expect_code 0 "quit ends the repl"
    input=""
}

test_help() {
    for command in "" query check repl live; do
        # shellcheck disable=SC2086  # an empty $command must vanish
        run $command --help
        expect_code 0 "polar $command --help exits 0"
        [[ -n $out ]] && report 1 "polar $command --help prints usage" \
                      || report 0 "polar $command --help prints usage"
    done

    # The limits, and their ranges, are documented where users look.
    for command in query check repl live; do
        run "$command" --help
        [[ $out == *"--max-memory SIZE:0..18446744073709551615 bytes"* &&
           $out == *"--timeout DURATION:0 or 1us..1h"* &&
           $out == *"--max-depth N:0..18446744073709551615"* ]]
        report $((! $?)) "polar $command --help shows --max-memory, --timeout and --max-depth with their ranges"
    done

    run --version
    expect_code 0 "--version exits 0"
    expect_out "polar 0.1.0" "--version prints polar 0.1.0"

    run
    expect_code 2 "no subcommand exits 2"

    run frobnicate
    expect_code 2 "an unknown subcommand exits 2"
}

# A paced broadcaster stops within its 2 s budget however slow the pace:
# at one event an hour this query used to sit an hour after its answer.
# `timeout 20` is a safety net only (ten times the budget); the verdict is
# that the process ended by itself, with its answer and exit 0.
test_shutdown() {
    POLAR_OSC='127.0.0.1:9;paced=3600s' timeout --kill-after=5 20 "$polar" query -q 'x = 1' \
        </dev/null >"$scratch/out" 2>"$scratch/err"
    code=$?
    out=$(cat "$scratch/out")
    last="POLAR_OSC='127.0.0.1:9;paced=3600s' polar query -q 'x = 1'"
    expect_code 0 "a paced POLAR_OSC at 3600s: the program ends by itself (124 = the safety net fired)"
    expect_out "x = 1" "and prints its answer"

    timeout --kill-after=5 20 "$polar" query family.polar -q '1 = 1' --osc 127.0.0.1:9 --pace 3600s \
        </dev/null >"$scratch/out" 2>"$scratch/err"
    code=$?
    out=$(cat "$scratch/out")
    last="polar query --osc 127.0.0.1:9 --pace 3600s"
    expect_code 0 "--osc --pace 3600s (the cap): the program ends by itself"
    expect_out "true" "and prints its answer"
}

case $group in
    query | check | repl | help | shutdown) "test_$group" ;;
    *) echo "run_cli_tests.sh: unknown group $group" >&2; exit 2 ;;
esac

echo "$((checks - failures)) passed, $failures failed"
[[ $failures == 0 ]]
