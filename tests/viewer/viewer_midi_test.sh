#!/usr/bin/env bash
# viewer_midi_test.sh VIEWER MIDI_SEND — polar-viewer --midi driven through
# a JACK dummy server of its own (no sound card; JACK_DEFAULT_SERVER keeps
# parallel tests apart), read back over OSCQuery with curl:
#   - a CC bound in --midi-map (channel 1, CC 74 -> /viewer/zoom) at 127
#     sets zoom to the top of its range, 4;
#   - MIDI clock at 100 bpm sets /viewer/tempo (within 90..110: the clock is
#     played with sleeps, the verdict is the tempo read, never a duration);
#   - note 37 recalls preset 2 of --preset (theme ink);
#   - MIDI learn in a real window: M pressed three times (press_key.py,
#     XTEST) arms the third parameter, /viewer/intensity; a CC 20 on
#     channel 2 at 0 binds to it, sets it to 0, and the binding is written
#     to the --midi-map file that did not exist.
# Skips (77) without jackd, curl, or when the server does not start.
set -uo pipefail
viewer=$1 sender=$2
source "$(dirname "$0")/test_support.sh"
need_xvfb
for tool in jackd curl; do command -v $tool >/dev/null || { echo "SKIP: $tool missing"; exit 77; }; done

export JACK_DEFAULT_SERVER="polar-viewer-midi-$$" JACK_NO_AUDIO_RESERVATION=1
jackd -n "$JACK_DEFAULT_SERVER" -d dummy -r 48000 -p 1024 >"$work/jackd.log" 2>&1 &
jack=$!
viewer_pid=
cleanup() {
    [[ -n "$viewer_pid" ]] && kill "$viewer_pid" 2>/dev/null && wait "$viewer_pid" 2>/dev/null
    kill "$jack" 2>/dev/null; wait "$jack" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 100); do grep -qi "server.*started\|JACK server starting\|engine\|ready" "$work/jackd.log" && break; sleep 0.2; done
kill -0 "$jack" 2>/dev/null || { echo "SKIP: jackd did not start: $(cat "$work/jackd.log")"; exit 77; }

cat >"$work/map.json" <<'JSON'
{"version": 1, "bindings": [{"channel": 1, "cc": 74, "path": "/viewer/zoom"}]}
JSON
cat >"$work/bank.json" <<'JSON'
{"version": 1, "presets": {"2": {"name": "ink", "values": {"/viewer/theme": "ink"}}}}
JSON
http=$(free_tcp_port)
# The viewer may start before jackd listens: it then runs without MIDI, so
# it is started once the server answers (midi_send's wait covers the port).
sleep 1
xvfb "$viewer" --headless --port 0 --oscquery-port "$http" --midi --midi-api jack --midi-map "$work/map.json" \
    --preset "$work/bank.json" --frames 3600 --every 100000 --out "$work/frames" --no-hud >"$work/out" 2>&1 &
viewer_pid=$!
wait_for "$work/out" "OSCQuery on" || true
grep -q "running without MIDI" "$work/out" && { echo "SKIP: the viewer found no JACK server: $(cat "$work/out")"; exit 77; }

value() { curl -sf "http://127.0.0.1:$http$1?VALUE"; }
await() {  # await PATH PYTHON-CONDITION-ON-v
    for _ in $(seq 100); do
        v=$(value "$1") && /usr/bin/python3 -c "import json,sys; v=json.loads(sys.argv[1])['VALUE'][0]; sys.exit(0 if ($2) else 1)" "$v" && return 0
        sleep 0.1
    done
    echo "  $1 is $(value "$1")"
    return 1
}

"$sender" "polar-viewer control" cc 1 74 127 || fail "midi_send: exit $?"
await /viewer/zoom "v == 4" || fail "CC 74 at 127 did not set /viewer/zoom to 4"
tempo_ok=0
for round in 1 2 3; do  # a stalled sender restarts the estimate; play again
    "$sender" "polar-viewer control" clock 100 96 || fail "midi_send clock: exit $?"
    await /viewer/tempo "90 <= v <= 110" && { tempo_ok=1; break; }
done
(( tempo_ok )) || fail "MIDI clock at 100 bpm did not set /viewer/tempo"
"$sender" "polar-viewer control" note 1 37 100 || fail "midi_send note: exit $?"
await /viewer/theme "v == 'ink'" || fail "note 37 did not recall preset 2"

kill "$viewer_pid" 2>/dev/null; wait "$viewer_pid" 2>/dev/null; viewer_pid=

# MIDI learn, in a window (keys need one): one Xvfb for the viewer and
# the key presses.
http2=$(free_tcp_port)
cat >"$work/learn.sh" <<SESSION
"$viewer" --port 0 --oscquery-port $http2 --midi --midi-api jack --midi-map "$work/learned.json" \
    --report-seconds 90 >"$work/learn.out" 2>&1 &
v=\$!
for _ in \$(seq 300); do grep -q "window open" "$work/learn.out" && break; sleep 0.1; done
/usr/bin/python3 "$here/press_key.py" m 3
# A CC that came before the third M bound an earlier parameter; the third
# M re-arms, so the CC is sent again until /viewer/intensity took it.
for _ in \$(seq 20); do
    "$sender" "polar-viewer control" cc 2 20 0
    curl -sf "http://127.0.0.1:$http2/viewer/intensity?VALUE" | grep -q '"VALUE":\[0.0\]' && break
    sleep 0.5
done
kill \$v; wait \$v
SESSION
xvfb bash "$work/learn.sh" || true
/usr/bin/python3 - "$work/learned.json" <<'PY' || fail "MIDI learn did not bind CC 20 to /viewer/intensity: $(cat "$work/learned.json" 2>&1; tail -3 "$work/learn.out")"
import json, sys
bindings = json.load(open(sys.argv[1]))["bindings"]
assert {"channel": 2, "cc": 20, "path": "/viewer/intensity"} in bindings, bindings
PY

(( failures == 0 )) && echo "ok - a CC, MIDI clock, a note and MIDI learn drove the viewer through JACK"
exit $(( failures > 0 ))
