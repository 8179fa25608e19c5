#!/usr/bin/env bash
# run_flag_tests.sh PROGRAM BINARY — every numeric flag of one program, at
# and past the edges of its range.
#
# PROGRAM is polar, polar-github, polar-osc or polar-viewer. For each flag a
# table of bad values — negative, 2^64 (one past what 64 bits hold), junk,
# NaN/inf for reals, one past a cap — must be refused as bad usage: exit 2,
# and a message that names the flag and says, as a person would, what it
# wants (`--pace: must be between 1ms and 1h, got 0ms`). No message and no
# --help may print a number of 30 digits or more (issue 13's 300-digit
# range). Durations read 20ms, 1.5s, 2m and 1h everywhere; renamed options
# still work under their old spelling, with a note on stderr.
#
# tests/cli/shared_options.py (ctest cli/flags/shared)
# compares the --help lines of the options the programs share: the same
# spelling, placeholder and help text everywhere (flags/shared.hpp).
#
# The values at the edges must be
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
    [[ $code == 2 ]] && grep -qF -- "$flag: " "$scratch/err" && grep -qF -- "$text" "$scratch/err" &&
        ! grep -qE '[0-9]{30}' "$scratch/err"
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
# RANGE is MIN..MAX; the message says "between MIN and MAX".
words() { echo "between ${1%%..*} and ${1##*..}"; }
refuse_whole() { # FLAG RANGE ARGS...
    local flag=$1 range value
    range=$(words "$2")
    shift 2
    for value in -1 "$past64" abc 12abc 1e3 0x10 1.5; do
        refuse "$flag" "$value" "$range" "$@"
    done
}
# And every real-number flag: negative, NaN, infinity, junk, 1e999.
refuse_real() { # FLAG RANGE ARGS...
    local flag=$1 range value
    range=$(words "$2")
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
    refuse --max-depth "$past64" "must be between 0 and $max64, got $past64" "${query[@]}"
    for value in -1 -2G 20000000T "$past64" 12Q 1.5G abc; do
        refuse --max-memory "$value" "between 0 and $max64 bytes" "${query[@]}"
    done
    for value in -1s 5 nan abc 2h 0.1us; do
        refuse --timeout "$value" "0 (none) or between 1us and 1h" "${query[@]}"
    done
    refuse --timeout 7200s "must be 0 (none) or between 1us and 1h (a cap), got 7200s" "${query[@]}"
    for value in -1s 40 fast; do
        refuse --pace "$value" "between 1ms and 1h" "${osc[@]}"
    done
    refuse --pace 0ms "must be between 1ms and 1h, got 0ms" "${osc[@]}"
    refuse --pace 2h "must be between 1ms and 1h (a cap), got 2h" "${osc[@]}"
    refuse_real --bpm "0.1..600000" "${osc[@]}"
    refuse --bpm 0 "must be between 0.1 and 600000, got 0" "${osc[@]}"
    refuse --bpm 600001 "must be between 0.1 and 600000 (a cap), got 600001" "${osc[@]}"
    refuse_whole --oscquery-port "0..65535" "${osc[@]}"
    refuse --oscquery-port 65536 "must be between 0 and 65535, got 65536" "${osc[@]}"
    # The limits are the same on every subcommand that runs queries.
    refuse --max-memory -1 "between 0 and $max64 bytes" check family.polar
    refuse --max-depth "$past64" "between 0 and $max64" check family.polar
    refuse --timeout 7200s "(a cap), got 7200s" repl family.polar
    refuse --max-steps -1 "between 0 and $max64, got -1" repl family.polar
    # polar fmt's line width.
    refuse_whole --width "20..1000" fmt family.polar
    refuse --width 19 "must be between 20 and 1000, got 19" fmt family.polar
    refuse --width 1001 "must be between 20 and 1000 (a cap), got 1001" fmt family.polar
    accept fmt family.polar --width 20
    accept fmt family.polar --width 1000

    accept "${query[@]}" --limit 0 --max-depth 0 --max-steps 0 --max-memory 0 --timeout 0
    accept "${query[@]}" --limit "$max64" --max-depth "$max64" --max-steps "$max64" --max-memory "$max64"
    accept "${query[@]}" --max-depth 010 --timeout 3600s --max-memory 512M
    accept "${query[@]}" --timeout 1us --max-memory 2G
    accept "${query[@]}" --timeout 0ms --max-memory 1048576
    accept "${query[@]}" --max-memory 16777215T
    accept "${osc[@]}" --pace 1ms
    accept "${osc[@]}" --pace 1h
    accept "${query[@]}" --timeout 2m
    accept "${query[@]}" --timeout 1h
    accept "${query[@]}" --timeout 1.5s
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
    # --pace is OSC's (a duration, needs --osc); a bare whole number is the
    # old `--pace MS` sleep, now --interval, and still in its range.
    for value in -1 "$past64" 3600001; do
        refuse --pace "$value" "between" "${cheap[@]}"
    done
    refuse --pace 20ms "needs --osc" "${cheap[@]}"
    refuse_whole --sample "0..$max64" "${cheap[@]}"
    refuse --users 1000000000 "must be between 0 and 1000000 (a cap), got 1000000000" "${cheap[@]}"
    refuse --orgs 1000001 "(a cap), got 1000001" "${cheap[@]}"
    refuse --repos 1000001 "(a cap), got 1000001" "${cheap[@]}"
    refuse --roles-per-user 1001 "between 0 and 1000 (a cap)" "${cheap[@]}"
    refuse --checks -1 "must be between 0 and $max64, got -1"
    refuse --sample -1 "must be between 0 and $max64, got -1" --sample-out "$scratch/sample.json"
    refuse --roles-per-user 6 "1000000 x 6 = 6000000 role assignments is above the 5000000 cap" \
        --users 1000000
    for value in -1 "$past64" 12Q; do
        refuse --max-memory "$value" "between 0 and $max64 bytes" "${cheap[@]}"
    done
    refuse --mix pull:-1 "must be between 0 and 4294967295, got -1" "${cheap[@]}"
    refuse --mix pull:4294967296 "between 0 and 4294967295" "${cheap[@]}"
    refuse --pace 2h "must be between 1ms and 1h (a cap), got 2h" "${osc[@]}"
    refuse --pace 0ms "must be between 1ms and 1h, got 0ms" "${osc[@]}"
    refuse --osc-pace 7200s "between 1ms and 1h (a cap)" "${osc[@]}"
    refuse --osc-pace fast "a duration such as 20ms, 1.5s or 2m" "${osc[@]}"
    refuse --interval 2h "0 (none) or between 1ms and 1h (a cap), got 2h" "${cheap[@]}"
    refuse_real --bpm "0.1..600000" "${osc[@]}"
    refuse --bpm 0 "between 0.1 and 600000, got 0" "${osc[@]}"
    refuse_whole --oscquery-port "0..65535" "${osc[@]}"
    refuse --oscquery-port 65536 "must be between 0 and 65535, got 65536" "${osc[@]}"

    accept --checks 0 --seed "$max64" --pace 0 --max-memory 0
    accept --checks 1 --interval 1ms
    accept "${osc[@]}" --pace 20ms
    accept "${osc[@]}" --pace 1h
    # The old spellings still work, each with a one-line note.
    accept "${osc[@]}" --osc-pace 20ms
    grep -qx "note: --osc-pace is now --pace (the old spelling still works)" "$scratch/err"
    report $((! $?)) "--osc-pace still works and says it is now --pace"
    accept --checks 1 --pace 5
    grep -q "^note: --pace MS (sleep between checks) is now --interval DURATION" "$scratch/err"
    report $((! $?)) "--pace MS still sleeps and says it is now --interval"
    accept --checks 1 --users 1000000
    accept --checks 1 --orgs 1000000
    accept --checks 1 --repos 1000000
    accept --checks 1 --users 10 --roles-per-user 1000
    accept --checks 1 --max-memory 2G --mix pull:4294967295,push:0
    accept --checks 3 --measure actions
    accept --checks 3 --measure allowed
    refuse --measure everything "--measure: everything not in {allowed,actions}" "${cheap[@]}"
    accept --sample 0 --sample-out "$scratch/sample.json"
    accept "${osc[@]}" --bpm 600000
    # The caps keep the data set under ~1 GB; a machine with less than
    # that still gets a sentence, not std::bad_alloc.
    out_of_memory 150000 "^polar-github: error: out of memory while building the data set" \
        --users 1000000 --checks 1
}

test_polar_osc() {
    local one=$scratch/one.rec
    printf '# polar-osc recording v1\n0.000000 2f6100002c000000\n' >"$one"
    for value in -1 65536 "$past64" abc 0x10; do
        refuse --port "$value" "between 0 and 65535" dump
        refuse --port "$value" "between 0 and 65535" record "$scratch/x.rec"
        refuse --port "$value" "between 0 and 65535" tee --to 127.0.0.1:9
    done
    for value in -1 nan inf abc 1e999 -2m; do
        refuse --duration "$value" "between 1ms and 8760h" record "$scratch/x.rec"
    done
    refuse --duration 0 "must be between 1ms and 8760h, got 0" record "$scratch/x.rec"
    refuse --duration 9000h "must be between 1ms and 8760h (a cap), got 9000h" record "$scratch/x.rec"
    refuse --duration 0ms "got 0ms" tee --to 127.0.0.1:9
    refuse_real --speed "0.001..1000" replay "$one" --to 127.0.0.1:9
    refuse --speed 0 "must be between 0.001 and 1000, got 0" replay "$one" --to 127.0.0.1:9
    refuse --speed 1001 "must be between 0.001 and 1000 (a cap), got 1001" replay "$one" --to 127.0.0.1:9
    for value in 127.0.0.1:0 127.0.0.1:65536 127.0.0.1:-1 "127.0.0.1:$past64" 127.0.0.1:x; do
        refuse --to "$value" "between 1 and 65535" replay "$one"
        refuse --to "$value" "between 1 and 65535" tee
    done

    accept record "$scratch/x.rec" --port 0 --duration 0.001
    accept record "$scratch/y.rec" --port 0 --duration 1ms
    accept tee --to 127.0.0.1:9 --port 0 --duration 20ms
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
    refuse --port 65536 "must be between 0 and 65535, got 65536" "${quiet[@]}"
    refuse_whole --width "1..8192" "${quiet[@]}"
    refuse_whole --height "1..8192" "${quiet[@]}"
    refuse --width 0 "must be between 1 and 8192, got 0" "${quiet[@]}"
    refuse --height 8193 "must be between 1 and 8192 (a cap), got 8193" "${quiet[@]}"
    refuse_whole --frames "0..4294967295" "${quiet[@]}"
    refuse_whole --every "1..4294967295" "${quiet[@]}"
    refuse --every 0 "must be between 1 and 4294967295, got 0" "${quiet[@]}"
    refuse_whole --after "0..$max64" "${quiet[@]}"
    for value in -1 nan inf abc 1e999 0ms; do
        refuse --timeout "$value" "between 1ms and 8760h" "${quiet[@]}"
    done
    refuse --timeout 1e300 "(a cap), got 1e300" "${quiet[@]}"
    refuse --report-seconds 9000h "must be 0 (none) or between 1ms and 8760h (a cap), got 9000h" "${quiet[@]}"
    for value in 1 -1 44100.0 abc; do
        refuse --sound-rate "$value" "is not one of 44100, 48000" "${quiet[@]}"
    done
    refuse --contact-sheet "$scratch/sheet.png" "above the 1024 MiB cap" --headless --frames 100000
    # Control (issue 15).
    refuse_whole --control-port "0..65535" "${quiet[@]}"
    refuse_whole --oscquery-port "0..65535" "${quiet[@]}"
    refuse --oscquery-port 65536 "must be between 0 and 65535, got 65536" "${quiet[@]}"
    refuse --midi-api coreaudio "coreaudio not in {auto,jack,alsa}" "${quiet[@]}"
    refuse --midi-map "$scratch/map.json" "--midi-map: needs --midi" "${quiet[@]}"
    echo '{"version": 1, "presets": {"1": {"values": {"/viewer/zoom": [2]}}}}' >"$scratch/bad-bank.json"
    refuse --preset "$scratch/bad-bank.json" "bad-bank.json: preset 1: \"/viewer/zoom\" is neither a number nor a name" \
        --headless --frames 1 --out "$scratch"

    # The Polarcoaster (issue 16).
    refuse_whole --after-queries "0..$max64" "${quiet[@]}"
    for value in -1 nan inf abc 0ms 11s; do
        refuse --trace-pace "$value" "between 1ms and 10s" "${quiet[@]}"
    done
    for value in -1 nan abc 500ms 2h; do
        refuse --alternate "$value" "between 1s and 1h" "${quiet[@]}"
    done
    refuse --mode cube "cube not in {squares,coaster}" "${quiet[@]}"
    refuse --hover 0.5 "is not X,Y with both in 0..1" "${quiet[@]}"
    refuse --hover 1.5,0.5 "is not X,Y with both in 0..1" "${quiet[@]}"
    accept "${quiet[@]}" --mode coaster --alternate 0 --trace-pace 1ms --hover 0,1
    accept "${quiet[@]}" --alternate 1h --trace-pace 10s --hover 1,0

    accept "${quiet[@]}" --port 65535 --width 8192 --height 1 --frames 0 --every 4294967295
    accept "${quiet[@]}" --port 0 --after "$max64" --timeout 31536000 --report-seconds 0 --sound-rate 48000
    accept "${quiet[@]}" --timeout 0.001 --report-seconds 31536000 --width 1 --height 8192
    accept "${quiet[@]}" --timeout 2m --report-seconds 1.5s
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
