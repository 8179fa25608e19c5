#!/usr/bin/env bash
# no_display_test.sh VIEWER — polar-viewer without an X display (DISPLAY
# unset, no xvfb-run): a window, --headless --screenshot and --headless
# --frames are refused at once with exit 2 and a message naming the fix —
# before the receiver opens, so "listening" is never printed (SFML used to
# abort with SIGABRT, exit 134, after it). Sound-only runs draw nothing and
# must keep working: a replay rendered to a WAV, and a live recording ended
# by --timeout.
set -euo pipefail
viewer=$1
source "$(dirname "$0")/test_support.sh"

/usr/bin/python3 "$here/make_recording.py" short "$work/short.rec"
port=$((20000 + RANDOM % 20000))
for mode in "window:--port $port" "screenshot:--headless --port $port --screenshot $work/s.png" \
            "frames:--headless --replay $work/short.rec --frames 3 --out $work/frames"; do
    name=${mode%%:*}
    read -r -a args <<<"${mode#*:}"
    code=0
    env -u DISPLAY timeout -k 5 60 "$viewer" "${args[@]}" >"$work/$name.out" 2>"$work/$name.err" || code=$?
    cat "$work/$name.out" "$work/$name.err"
    [[ $code == 2 ]] || fail "$name: exit $code, expected 2"
    grep -q 'polar-viewer: error: cannot open an X display (DISPLAY is unset); run under xvfb-run -a' "$work/$name.err" \
        || fail "$name: no message naming the missing display and xvfb-run"
    if grep -q 'listening\|replaying' "$work/$name.out"; then fail "$name: the input opened before the display check"; fi
done

# Sound only: no display needed.
code=0
env -u DISPLAY timeout -k 5 60 "$viewer" --headless --replay "$work/short.rec" --sound-out "$work/replay.wav" || code=$?
[[ $code == 0 ]] || fail "sound-only replay without a display: exit $code"
code=0
env -u DISPLAY timeout -k 5 60 "$viewer" --headless --port "$port" --sound-out "$work/live.wav" --timeout 0.5s || code=$?
[[ $code == 0 ]] || fail "sound-only live recording without a display: exit $code"
for wav in replay live; do
    /usr/bin/python3 -c 'import sys, wave; w = wave.open(sys.argv[1]); assert w.getnchannels() == 2 and w.getnframes() > 0' \
        "$work/$wav.wav" || fail "$wav.wav is not a finished WAV"
done
echo "$failures failures"
[[ $failures == 0 ]]
