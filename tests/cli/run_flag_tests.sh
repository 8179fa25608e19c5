#!/usr/bin/env bash
# run_flag_tests.sh PROGRAM BINARY — every numeric flag of one program, at
# and past the edges of its range.
#
# PROGRAM is polar, polar-github, polar-osc or polar-viewer. For each flag a
# table of bad values — negative, 2^64 (one past what 64 bits hold), junk,
# NaN/inf for reals, one past a cap — must be refused as bad usage: exit 2,
# and a message that names the flag and its range (`--max-depth: -1 is out
# of range 0..18446744073709551615`). The values at the edges must be
# accepted. Where a size is allocated up front, running out of memory (a
# `ulimit -v` here) must end in `error: out of memory while …`, exit 2, not
# a bare terminate — except under the sanitizers (FLAGS_SANITIZED=1), which
# reserve terabytes of address space and cannot run under a ulimit.
#
# ctest runs one PROGRAM per test from tests/cli/fixtures/ (cli/flags/...);
# FLAGS_RECORDING names a polar-osc recording (tests/unit/osc/session.rec).
# Each check prints ok/FAIL; the script fails if any check does.
set -uo pipefail

program=${1:?usage: run_flag_tests.sh PROGRAM BINARY}
binary=${2:?usage: run_flag_tests.sh PROGRAM BINARY}
recording=${FLAGS_RECORDING:-}
sanitized=${FLAGS_SANITIZED:-0}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
unset POLAR_OSC # the caller's shell must not add a broadcaster

checks=0
failures=0
code=0
last=""
max64=18446744073709551615
past64=18446744073709551616

# run ARGS... — the program with stdin empty; output in $scratch, status in $code.
run() {
    timeout --kill-after=5 60 "$binary" "$@" </dev/null >"$scratch/out" 2>"$scratch/err"
    code=$?
    last="$program $*"
}

# report 1|0 DESCRIPTION: counts and prints a check (tests/report.sh).
# shellcheck source=../report.sh
source "$(dirname "$0")/../report.sh"

# refuse FLAG VALUE TEXT [ARGS...] — `ARGS... FLAG VALUE` is bad usage: exit
# 2, and stderr holds "FLAG: " and TEXT (a fixed string: the range, or the
# cap). ARGS are what the program needs to get as far as parsing FLAG.
refuse() {
    local flag=$1 value=$2 text=$3
    shift 3
    run "$@" "$flag" "$value"
    [[ $code == 2 ]] && grep -qF -- "$flag: " "$scratch/err" && grep -qF -- "$text" "$scratch/err"
    report $((! $?)) "$flag $value: refused, exit 2, '$text'"
}

# accept ARGS... — exit 0.
accept() {
    run "$@"
    [[ $code == 0 ]]
    report $((! $?)) "accepted: $*"
}

# out_of_memory KB TEXT ARGS... — under `ulimit -v KB` the program ends
# with exit 2 and TEXT on stderr, never "terminate called".
out_of_memory() {
    local kb=$1 text=$2
    shift 2
    if [[ $sanitized == 1 ]]; then
        echo "skip - out of memory under a ulimit (the sanitizers need their address space)"
        return
    fi
    (ulimit -v "$kb" && exec "$binary" "$@") </dev/null >"$scratch/out" 2>"$scratch/err"
    code=$?
    last="ulimit -v $kb; $program $*"
    [[ $code == 2 ]] && grep -qE -- "$text" "$scratch/err" && ! grep -q "terminate called" "$scratch/err"
    report $((! $?)) "out of memory: exit 2 and '$text'"
}

# The bad values every whole-number flag refuses: negative, one past 64
# bits, junk, and numbers CLI11 alone would misread (1e3, 0x10).
refuse_whole() { # FLAG RANGE ARGS...
    local flag=$1 range=$2 value
    shift 2
    for value in -1 "$past64" abc 12abc 1e3 0x10 1.5; do
        refuse "$flag" "$value" "$range" "$@"
    done
}
# And every real-number flag: negative, NaN, infinity, junk, 1e999.
refuse_real() { # FLAG RANGE ARGS...
    local flag=$1 range=$2 value
    shift 2
    for value in -1 nan inf abc 1e999; do
        refuse "$flag" "$value" "$range" "$@"
    done
}

test_polar() {
    local query=(query family.polar -q 'parent("ada", x)')
    local osc=(query family.polar -q '1 = 1' --osc 127.0.0.1:9)
    refuse_whole --limit "0..$max64" "${query[@]}"
    refuse_whole --max-depth "0..$max64" "${query[@]}"
    refuse_whole --max-steps "0..$max64" "${query[@]}"
    refuse --max-depth "$past64" "$past64 is out of range 0..$max64" "${query[@]}"
    for value in -1 -2G 20000000T "$past64" 12Q 1.5G abc; do
        refuse --max-memory "$value" "range 0..$max64 bytes" "${query[@]}"
    done
    for value in -1s 5 nan abc 2h 0.1us; do
        refuse --timeout "$value" "0 or 1us..3600s" "${query[@]}"
    done
    refuse --timeout 7200s "7200s is above the 3600s cap (range 0 or 1us..3600s)" "${query[@]}"
    for value in 0ms -1s 40 fast; do
        refuse --pace "$value" "range 1us..3600s" "${osc[@]}"
    done
    refuse --pace 7200s "7200s is above the 3600s cap" "${osc[@]}"
    refuse_real --bpm "0.1..600000" "${osc[@]}"
    refuse --bpm 0 "0 is out of range 0.1..600000" "${osc[@]}"
    refuse --bpm 600001 "600001 is above the 600000 cap" "${osc[@]}"
    # The limits are the same on every subcommand that runs queries.
    refuse --max-memory -1 "range 0..$max64 bytes" check family.polar
    refuse --max-depth "$past64" "out of range 0..$max64" check family.polar
    refuse --timeout 7200s "above the 3600s cap" repl family.polar
    refuse --max-steps -1 "out of range 0..$max64" repl family.polar

    accept "${query[@]}" --limit 0 --max-depth 0 --max-steps 0 --max-memory 0 --timeout 0
    accept "${query[@]}" --limit "$max64" --max-depth "$max64" --max-steps "$max64" --max-memory "$max64"
    accept "${query[@]}" --max-depth 010 --timeout 3600s --max-memory 512M
    accept "${query[@]}" --timeout 1us --max-memory 2G
    accept "${query[@]}" --timeout 0ms --max-memory 1048576
    accept "${query[@]}" --max-memory 16777215T
    accept "${osc[@]}" --pace 1us
    accept "${osc[@]}" --bpm 600000
    accept check --max-memory 2G --timeout 2s --max-depth 100 --max-steps 1000 family.polar
    accept repl --max-memory 512M --timeout 3600s family.polar
    # With no budget of its own, a query that outgrows the memory it may
    # have is told so (the engine's own RuntimeError::MemoryLimit, once it
    # enforces --max-memory, is as good), and a REPL goes on after it.
    printf 'build(0, []);\nbuild(n, [n, *t]) if n > 0 and build(n - 1, t);\n' >"$scratch/build.polar"
    out_of_memory 400000 "out of memory while running the query|MemoryLimit" \
        query --max-memory 0 --max-depth 0 --timeout 0 "$scratch/build.polar" -q 'build(100000000, l)'
}

test_polar_github() {
    local cheap=(--checks 1)
    local osc=(--checks 1 --osc 127.0.0.1:9)
    refuse_whole --users "0..1000000" "${cheap[@]}"
    refuse_whole --orgs "0..1000000" "${cheap[@]}"
    refuse_whole --repos "0..1000000" "${cheap[@]}"
    refuse_whole --roles-per-user "0..1000" "${cheap[@]}"
    refuse_whole --seed "0..$max64" "${cheap[@]}"
    refuse_whole --checks "0..$max64"
    refuse_whole --pace "0..3600000" "${cheap[@]}"
    refuse_whole --sample "0..$max64" "${cheap[@]}"
    refuse --users 1000000000 "1000000000 is above the 1000000 cap (range 0..1000000)" "${cheap[@]}"
    refuse --orgs 1000001 "above the 1000000 cap" "${cheap[@]}"
    refuse --repos 1000001 "above the 1000000 cap" "${cheap[@]}"
    refuse --roles-per-user 1001 "above the 1000 cap" "${cheap[@]}"
    refuse --pace 3600001 "above the 3600000 cap" "${cheap[@]}"
    refuse --checks -1 "-1 is out of range 0..$max64"
    refuse --sample -1 "-1 is out of range 0..$max64" --sample-out "$scratch/sample.json"
    refuse --roles-per-user 6 "1000000 x 6 = 6000000 role assignments is above the 5000000 cap" \
        --users 1000000
    for value in -1 "$past64" 12Q; do
        refuse --max-memory "$value" "range 0..$max64 bytes" "${cheap[@]}"
    done
    refuse --mix pull:-1 "-1 is out of range 0..4294967295" "${cheap[@]}"
    refuse --mix pull:4294967296 "out of range 0..4294967295" "${cheap[@]}"
    refuse --osc-pace 7200s "above the 3600s cap (range 1us..3600s)" "${osc[@]}"
    refuse --osc-pace fast "range 1us..3600s" "${osc[@]}"
    refuse_real --bpm "0.1..600000" "${osc[@]}"
    refuse --bpm 0 "out of range 0.1..600000" "${osc[@]}"

    accept --checks 0 --seed "$max64" --pace 0 --max-memory 0
    accept --checks 1 --users 1000000
    accept --checks 1 --orgs 1000000
    accept --checks 1 --repos 1000000
    accept --checks 1 --users 10 --roles-per-user 1000
    accept --checks 1 --max-memory 2G --mix pull:4294967295,push:0
    accept --sample 0 --sample-out "$scratch/sample.json"
    accept "${osc[@]}" --bpm 600000
    accept "${osc[@]}" --osc-pace 1us
    # The caps keep the data set under ~1 GB; a machine with less than
    # that still gets a sentence, not std::bad_alloc.
    out_of_memory 150000 "^polar-github: error: out of memory while building the data set" \
        --users 1000000 --checks 1
}

test_polar_osc() {
    local one=$scratch/one.rec
    printf '# polar-osc recording v1\n0.000000 2f6100002c000000\n' >"$one"
    for value in -1 65536 "$past64" abc 0x10; do
        refuse --port "$value" "range 0..65535" dump
        refuse --port "$value" "range 0..65535" record "$scratch/x.rec"
    done
    refuse_real --duration "0.001..31536000" record "$scratch/x.rec"
    refuse --duration 0 "0 is out of range 0.001..31536000" record "$scratch/x.rec"
    refuse --duration 31536001 "above the 31536000 cap" record "$scratch/x.rec"
    refuse_real --speed "0.001..1000" replay "$one" --to 127.0.0.1:9
    refuse --speed 0 "0 is out of range 0.001..1000" replay "$one" --to 127.0.0.1:9
    refuse --speed 1001 "1001 is above the 1000 cap" replay "$one" --to 127.0.0.1:9
    for value in 127.0.0.1:0 127.0.0.1:65536 127.0.0.1:-1 "127.0.0.1:$past64" 127.0.0.1:x; do
        refuse --to "$value" "range 1..65535" replay "$one"
    done

    accept record "$scratch/x.rec" --port 0 --duration 0.001
    accept replay "$one" --to 127.0.0.1:9 --speed 0.001
    accept replay "$one" --to 127.0.0.1:65535 --speed 1000
    run
    [[ $code == 2 ]]
    report $((! $?)) "no subcommand: bad usage, exit 2"
}

test_polar_viewer() {
    [[ -r $recording ]] || { echo "run_flag_tests.sh: set FLAGS_RECORDING" >&2; exit 2; }
    # --headless with only --sound-out and --replay draws nothing and needs
    # no display: the flags are parsed, the run is a quick render.
    local quiet=(--headless --replay "$recording" --sound-out "$scratch/out.wav")
    refuse_whole --port "0..65535" "${quiet[@]}"
    refuse --port 65536 "65536 is out of range 0..65535" "${quiet[@]}"
    refuse_whole --width "1..8192" "${quiet[@]}"
    refuse_whole --height "1..8192" "${quiet[@]}"
    refuse --width 0 "0 is out of range 1..8192" "${quiet[@]}"
    refuse --height 8193 "8193 is above the 8192 cap (range 1..8192)" "${quiet[@]}"
    refuse_whole --frames "0..4294967295" "${quiet[@]}"
    refuse_whole --every "1..4294967295" "${quiet[@]}"
    refuse --every 0 "0 is out of range 1..4294967295" "${quiet[@]}"
    refuse_whole --after "0..$max64" "${quiet[@]}"
    refuse_real --timeout "0.001..31536000" "${quiet[@]}"
    refuse --timeout 0 "0 is out of range 0.001..31536000" "${quiet[@]}"
    refuse --timeout 1e300 "above the 31536000 cap" "${quiet[@]}"
    refuse_real --report-seconds "0..31536000" "${quiet[@]}"
    refuse --report-seconds 31536001 "above the 31536000 cap" "${quiet[@]}"
    for value in 1 -1 44100.0 abc; do
        refuse --sound-rate "$value" "is not one of 44100, 48000" "${quiet[@]}"
    done
    refuse --contact-sheet "$scratch/sheet.png" "above the 1024 MiB cap" --headless --frames 100000

    accept "${quiet[@]}" --port 65535 --width 8192 --height 1 --frames 0 --every 4294967295
    accept "${quiet[@]}" --port 0 --after "$max64" --timeout 31536000 --report-seconds 0 --sound-rate 48000
    accept "${quiet[@]}" --timeout 0.001 --report-seconds 31536000 --width 1 --height 8192
    run --headless
    [[ $code == 2 ]]
    report $((! $?)) "--headless with nothing to do: bad usage, exit 2"
}

case $program in
    polar) test_polar ;;
    polar-github) test_polar_github ;;
    polar-osc) test_polar_osc ;;
    polar-viewer) test_polar_viewer ;;
    *) echo "run_flag_tests.sh: unknown program $program" >&2; exit 2 ;;
esac

echo "$((checks - failures)) passed, $failures failed"
[[ $failures == 0 ]]
