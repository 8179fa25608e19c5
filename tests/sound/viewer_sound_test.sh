#!/usr/bin/env bash
# viewer_sound_test.sh VIEWER POLAR_OSC — polar-viewer's built-in synthesis,
# measured.
#
# Records the stimulus (send_stimulus.sh: shallow, pause, deep) with the real
# `polar-osc record`, renders that recording with
# `polar-viewer --headless --replay REC --sound-out ./viewer-sound.wav`
# (in the recording's own time: no display, no sound card, no wall clock),
# renders it a second time to check the result is byte-identical, and lets
# polar_sound_probe judge the WAV. Then the live path: the same recording
# played in real time with `--headless --sound` through SFML's SoundStream
# into OpenAL, whose "wave" backend (ALSOFT_CONF) writes what the sound card
# would have played to ./viewer-openal.wav — judged the same way. The probe's
# figures are printed, stereo included: the built-in synthesis places depth
# in the field (shallow left, deep right), so every probe runs with
# --min-pan-shift (the deep stretch leans right of the shallow one; the
# channels do not cancel in mono). Last, live OSC: the stimulus again, straight into
# `polar-viewer --headless --sound-out ./viewer-live.wav`, which renders in
# real time by arrival times and is stopped with Ctrl-C (SIGINT) — the WAV
# must still be finished. All three verdicts must pass. A synth that ignored
# events would be silent (or flat) and fail.
# Run by ctest (tests/sound/CMakeLists.txt) in the build's tests/sound
# directory, with POLAR_SOUND_DIR, POLAR_BIN and POLAR_SOUND_PROBE set.
set -euo pipefail

if [[ $# -ge 1 && ($1 == -h || $1 == --help) ]]; then
    sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi
if [[ $# -lt 2 ]]; then
    echo "usage: viewer_sound_test.sh VIEWER POLAR_OSC (--help for more)" >&2
    exit 2
fi
viewer=$1 osc=$2
here=${POLAR_SOUND_DIR:-$(cd "$(dirname "$0")" && pwd)}
probe=${POLAR_SOUND_PROBE:-}
for program in "$viewer" "$osc" "$probe" "${POLAR_BIN:-$here/../../build/cli/polar}"; do
    [[ -n $program && -x $program ]] || { echo "viewer_sound_test.sh: missing program '$program' (set POLAR_SOUND_PROBE, POLAR_BIN)" >&2; exit 2; }
done

# The deep stretch walks every depth 0-31 and back, half of it below depth
# 12 (where the field ends), so it leans right by ~4 dB more than the
# shallow one (measured 3.9-4.7 dB); 2 dB is a clear lean with margin.
pan_shift_db=2
rec=./viewer-stimulus.rec
wav=./viewer-sound.wav
openal=./viewer-openal.wav
live=./viewer-live.wav
rm -f "$rec" "$rec.partial" "$wav" ./viewer-sound-again.wav "$openal" "$live"
# A random port: the viewer's 9000 and the synths' 9001 may be in use by a
# demo on this machine; the recorder is the only listener here.
port=$((20000 + RANDOM % 20000))

recorder='' listener=''
cleanup() {
    [[ -n $recorder ]] && kill "$recorder" 2>/dev/null
    [[ -n $listener ]] && kill "$listener" 2>/dev/null
    true
}
trap cleanup EXIT

# --duration bounds the recorder even if nothing ends it; it is stopped
# with SIGINT (a normal end) as soon as the stimulus is over.
"$osc" record "$rec" --port "$port" --duration 60 2>./viewer-record.log &
recorder=$!
# Waits here are safety nets of a minute, ended by what they wait for.
for _ in $(seq 600); do grep -q '^recording' ./viewer-record.log 2>/dev/null && break; sleep 0.1; done
grep -q '^recording' ./viewer-record.log || { cat ./viewer-record.log; echo "FAIL: polar-osc record did not start"; exit 1; }

echo "== stimulus to 127.0.0.1:$port"
timeout 60 bash "$here/send_stimulus.sh" "$port"
# The recording is flushed per datagram: stop once all four queries' ends
# are in (hex of "/polar/query/end"), instead of hoping 0.5 s suffices.
query_end=2f706f6c61722f71756572792f656e64
for _ in $(seq 600); do
    ends=$(grep -c "$query_end" "$rec.partial" 2>/dev/null) # FILE.partial until Ctrl-C
    ((${ends:-0} >= 4)) && break
    sleep 0.1
done
kill -INT "$recorder"
wait "$recorder" || { cat ./viewer-record.log; echo "FAIL: polar-osc record failed"; exit 1; }
recorder=
cat ./viewer-record.log

echo "== render"
timeout 60 "$viewer" --headless --replay "$rec" --sound-out "$wav"
timeout 60 "$viewer" --headless --replay "$rec" --sound-out ./viewer-sound-again.wav >/dev/null
cmp "$wav" ./viewer-sound-again.wav || { echo "FAIL: two renders of the same recording differ"; exit 1; }
echo "two renders are byte-identical"

echo "== probe: the rendered file"
"$probe" --min-pan-shift "$pan_shift_db" "$wav"

echo "== the live path: SoundStream -> OpenAL's wave backend, in real time"
cat >./viewer-alsoft.conf <<CONF
[general]
drivers = wave
[wave]
file = $PWD/${openal#./}
CONF
# The recording lasts ~13 s; --timeout bounds a stuck run.
ALSOFT_CONF=$PWD/viewer-alsoft.conf ALSOFT_DRIVERS=wave timeout 90 \
    "$viewer" --headless --replay "$rec" --sound --timeout 60 2>./viewer-openal.log \
    || { cat ./viewer-openal.log; echo "FAIL: polar-viewer --sound failed"; exit 1; }
grep -q 'cannot open the audio device' ./viewer-openal.log && { cat ./viewer-openal.log; echo "FAIL: OpenAL's wave backend did not open"; exit 1; }
[[ -s $openal ]] || { cat ./viewer-openal.log; echo "FAIL: OpenAL wrote no $openal"; exit 1; }
echo "== probe: what OpenAL played"
"$probe" --min-pan-shift "$pan_shift_db" "$openal"

echo "== live OSC: the stimulus again, rendered in real time, stopped with Ctrl-C"
live_port=$((port + 1))
"$viewer" --headless --port "$live_port" --sound-out "$live" --timeout 60 >./viewer-live.log 2>&1 &
listener=$!
for _ in $(seq 600); do grep -q listening ./viewer-live.log 2>/dev/null && break; sleep 0.1; done
grep -q listening ./viewer-live.log || { cat ./viewer-live.log; echo "FAIL: polar-viewer did not listen"; exit 1; }
timeout 60 bash "$here/send_stimulus.sh" "$live_port" >/dev/null
sleep 1  # the last sounds decay into the file
kill -INT "$listener"
wait "$listener" || { cat ./viewer-live.log; echo "FAIL: polar-viewer --sound-out did not end cleanly on SIGINT"; exit 1; }
listener=
cat ./viewer-live.log
echo "== probe: the live rendering"
"$probe" --min-pan-shift "$pan_shift_db" "$live"
