#!/usr/bin/env bash
# loop_test.sh VIEWER — `--replay FILE --loop` plays the recording again and
# again. The recording holds 5 events within 0.1 s; a pass lasts that plus
# a second's rest, so 200 headless frames (3.3 s of scene time) hold more
# than one pass: more than 5 events counted. A sound-only loop has no end
# of its own: --timeout ends it, exit 0, with a finished WAV longer than
# one pass. --loop without --replay is bad usage.
set -euo pipefail
viewer=$1
source "$(dirname "$0")/test_support.sh"
need_xvfb

/usr/bin/python3 "$here/make_recording.py" short "$work/short.rec"
code=0
xvfb "$viewer" --headless --replay "$work/short.rec" --loop --frames 200 \
    --every 100 --out "$work/frames" >"$work/frames.out" || code=$?
cat "$work/frames.out"
[[ $code == 0 ]] || fail "frames: exit $code"
events=$(sed -n 's/.*wrote 2 frames to .* (\([0-9]*\) events;.*/\1/p' "$work/frames.out")
((${events:-0} > 5)) || fail "frames: ${events:-no} events counted, one pass holds 5"

code=0
timeout -k 5 60 "$viewer" --headless --replay "$work/short.rec" --loop --sound-out "$work/loop.wav" --timeout 3s \
    >"$work/sound.out" || code=$?
cat "$work/sound.out"
[[ $code == 0 ]] || fail "sound-only loop ended by --timeout: exit $code, expected 0"
grep -q 'passes completed' "$work/sound.out" || fail "sound-only loop: no pass completed"
/usr/bin/python3 -c 'import sys, wave; w = wave.open(sys.argv[1]); assert w.getnframes() / w.getframerate() > 1.08 + 1.5' \
    "$work/loop.wav" || fail "sound-only loop: the WAV is not longer than one pass"

code=0
"$viewer" --headless --loop --sound-out "$work/x.wav" 2>"$work/usage.err" || code=$?
[[ $code == 2 ]] && grep -q -- '--loop needs --replay' "$work/usage.err" || fail "--loop without --replay: exit $code"
# Not `--help | grep -q`: grep leaving early can kill the writer with
# SIGPIPE, which pipefail then reports as a failure.
help=$("$viewer" --help)
grep -q -- '--loop' <<<"$help" || fail "--help does not list --loop"
echo "$failures failures"
[[ $failures == 0 ]]
