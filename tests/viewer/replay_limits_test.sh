#!/usr/bin/env bash
# replay_limits_test.sh VIEWER — a sound-only replay always ends when asked.
#
# A recording with a datagram at 999999999999 s is refused on load (exit 2,
# the datagram and the bound named): it used to render towards a 4 GB WAV
# ignoring --timeout and signals. A valid 10-hour recording renders in
# chunks: --timeout 1s ends it with exit 3, SIGTERM and SIGINT with exit 130,
# each with a finished WAV (its header read back by python's wave module,
# whose frame count must match the file's size). `timeout 30` is only a
# hang guard: rendering all 10 hours, as the program used to, takes about a
# minute of CPU, and would fail on the exit code anyway.
set -euo pipefail
viewer=$1
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
pid=''
trap '[[ -n $pid ]] && kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

check_wav() {  # check_wav FILE — a finished 16-bit stereo WAV whose header matches its size
    /usr/bin/python3 - "$1" <<'PY' || fail "$1 is not a finished WAV"
import os, sys, wave
w = wave.open(sys.argv[1])
assert w.getnchannels() == 2 and w.getsampwidth() == 2, "format"
frames = w.getnframes()
assert frames > 0, "empty"
assert os.path.getsize(sys.argv[1]) == 44 + frames * 4, "header does not match the size"
print(f"{sys.argv[1]}: {frames / w.getframerate():.1f} s")
PY
}

/usr/bin/python3 "$here/make_recording.py" huge "$work/huge.rec"
/usr/bin/python3 "$here/make_recording.py" long "$work/long.rec"

code=0
timeout -k 5 30 "$viewer" --headless --replay "$work/huge.rec" --sound-out "$work/huge.wav" 2>"$work/huge.err" || code=$?
cat "$work/huge.err"
[[ $code == 2 ]] || fail "huge timestamp: exit $code, expected 2"
grep -q "cannot replay $work/huge.rec: datagram 4 is at 999999999999 s, beyond the 8760 h (a year) a recording may span" \
    "$work/huge.err" || fail "huge timestamp: message"
[[ ! -e $work/huge.wav ]] || fail "huge timestamp: a WAV was created"

code=0
timeout -k 5 30 "$viewer" --headless --replay "$work/long.rec" --sound-out "$work/timeout.wav" --timeout 1s \
    2>"$work/timeout.err" || code=$?
cat "$work/timeout.err"
[[ $code == 3 ]] || fail "--timeout 1s: exit $code, expected 3"
grep -q 'timed out after 1 s at' "$work/timeout.err" || fail "--timeout: message"
check_wav "$work/timeout.wav"

for signal in TERM INT; do
    timeout -k 5 30 "$viewer" --headless --replay "$work/long.rec" --sound-out "$work/$signal.wav" \
        >"$work/$signal.out" 2>"$work/$signal.err" &
    pid=$!
    # The render has begun once the WAV holds more than its header.
    for _ in $(seq 300); do
        (($(stat -c %s "$work/$signal.wav" 2>/dev/null || echo 0) > 1000000)) && break
        sleep 0.1
    done
    kill -"$signal" "$pid"
    code=0
    wait "$pid" || code=$?
    pid=''
    cat "$work/$signal.out" "$work/$signal.err"
    [[ $code == 130 ]] || fail "SIG$signal: exit $code, expected 130"
    grep -q 'interrupted at' "$work/$signal.err" || fail "SIG$signal: message"
    check_wav "$work/$signal.wav"
done
echo "$failures failures"
[[ $failures == 0 ]]
