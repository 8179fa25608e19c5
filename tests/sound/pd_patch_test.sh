#!/usr/bin/env bash
# pd_patch_test.sh [PORT] — does patches/pd/polar.pd play what Polar does?
#
# Starts Pure Data headless (-nogui -nosound: DSP still runs in real time)
# recording its master output to ./pd-recording.wav, plays the shared stimulus
# (send_stimulus.sh: shallow, pause, deep) into it over OSC, stops the
# recording with an OSC /pd/quit, then lets polar_sound_probe judge the WAV:
# not silent, louder while the policy works, higher pitch where it is deep,
# and (the depth voice is panned by depth) further right where it is deep,
# with channels that do not cancel in mono (--min-pan-shift).
# Exit: the probe's verdict (0 pass, 1 fail), or 1 when Pd reported an error
# loading or playing the patch; 2 a setup error (no polar, no probe, Pd never
# listened, no recording); 77 skip when `pd` is not installed.
#
# PORT: the UDP port to try first (default 9001, the patch's own default);
# when it is taken (a running demo, another synth) the next free one of the
# following 19 is used, since the patch can listen anywhere (polar-port).
# Environment: POLAR_SOUND_DIR (send_stimulus.sh), POLAR_PATCHES (the
# patches/ folder), POLAR_BIN, POLAR_SOUND_PROBE, PD_BIN (default: pd).
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
    sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi
here=$(cd "$(dirname "$0")" && pwd)
sound_dir=${POLAR_SOUND_DIR:-$here}
patch=${POLAR_PATCHES:-$here/../../patches}/pd/polar.pd
probe=${POLAR_SOUND_PROBE:-$here/../../build/tests/sound/polar_sound_probe}
pd_bin=${PD_BIN:-pd}
first_port=${1:-9001}
[[ $first_port =~ ^[0-9]+$ ]] && (( first_port > 0 && first_port < 65516 )) ||
    { echo "pd_patch_test: bad port '$first_port'" >&2; exit 2; }

command -v "$pd_bin" >/dev/null || { echo "pd_patch_test: skipped: '$pd_bin' not installed (apt-get install puredata-core)"; exit 77; }
command -v ss >/dev/null || { echo "pd_patch_test: skipped: 'ss' (iproute2) not installed, cannot see when Pd listens"; exit 77; }
[[ -f $patch ]] || { echo "pd_patch_test: no patch at $patch" >&2; exit 2; }
[[ -x $probe ]] || { echo "pd_patch_test: no probe at $probe (build polar_sound_probe or set POLAR_SOUND_PROBE)" >&2; exit 2; }

wav=$PWD/pd-recording.wav
log=$PWD/pd-recording.log
rm -f "$wav" "$log"
pd_pid=
cleanup() { if [[ -n $pd_pid ]] && kill -0 "$pd_pid" 2>/dev/null; then kill "$pd_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT

port_bound() { ss -Huln "sport = :$1" | grep -q .; }

# The stimulus lasts ~13 s; Pd closes the file by itself after this many
# seconds even if the stop message were lost, so the WAV is always whole.
safety_stop_s=60

# start_pd PORT — 0 when Pd is listening on PORT within 30 s (Pd loads in
# well under a second; thirty leave room for a machine busy compiling — ten
# were a guess a loaded machine could miss).
start_pd() {
    local port=$1
    : >"$log"
    "$pd_bin" -nogui -nosound -nomidi -stderr \
        -send "polar-port $port" -send "polar-record $wav" -send "polar-stop-after $safety_stop_s" \
        "$patch" >>"$log" 2>&1 &
    pd_pid=$!
    for _ in $(seq 300); do
        if grep -q 'listen failed' "$log"; then break; fi
        if port_bound "$port" && grep -q 'polar: recording to' "$log"; then return 0; fi
        kill -0 "$pd_pid" 2>/dev/null || break
        sleep 0.1
    done
    kill "$pd_pid" 2>/dev/null || true
    wait "$pd_pid" 2>/dev/null || true
    pd_pid=
    return 1
}

port=
for (( p = first_port; p < first_port + 20; p++ )); do
    port_bound "$p" && { echo "pd_patch_test: port $p is taken, trying the next"; continue; }
    if start_pd "$p"; then port=$p; break; fi
    echo "pd_patch_test: Pd did not listen on port $p:"; sed 's/^/  pd: /' "$log"
done
[[ -n $port ]] || { echo "pd_patch_test: Pd never listened (ports $first_port-$((first_port + 19)))" >&2; exit 2; }
echo "pd_patch_test: Pd (pid $pd_pid) listens on UDP $port, recording to $wav"

# The stimulus takes ~13 s; 60 s leaves room for a loaded machine and still
# ends a hung `polar` well inside ctest's 180 s.
if ! timeout 60 bash "$sound_dir/send_stimulus.sh" "$port"; then
    echo "pd_patch_test: send_stimulus.sh failed or took over 60 s" >&2
    exit 2
fi
sleep 1.5   # the depth voice fades within 0.7 s: record its tail and some silence

# /pd/quit as a bare OSC message (address padded to 4 bytes, empty type tag
# string): the patch stops the recorder, which closes the WAV, then quits.
printf '/pd/quit\0\0\0\0,\0\0\0' >"/dev/udp/127.0.0.1/$port"
for _ in $(seq 300); do kill -0 "$pd_pid" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$pd_pid" 2>/dev/null; then
    echo "pd_patch_test: Pd did not quit within 30 s of /pd/quit; killing it"
    kill "$pd_pid" 2>/dev/null || true
fi
wait "$pd_pid" 2>/dev/null || true
pd_pid=

echo "pd_patch_test: Pd said:"
sed 's/^/  pd: /' "$log"
hellos=$(grep -c 'polar-hello:' "$log" || true)
echo "pd_patch_test: the patch heard $hellos /polar/hello (one per polar query run, 4 expected)"
[[ -s $wav ]] || { echo "pd_patch_test: no recording at $wav" >&2; exit 2; }
# A voice that failed to load ("... couldn't create"), a malformed message
# box or a cable to a wrong object number ("connection failed") can leave
# the rest of the patch playing well enough to pass the probe.
if grep -E "couldn't create|connection failed|^error:" "$log" >/dev/null; then
    echo "pd_patch_test: FAIL: Pd reported errors while loading or playing the patch (above)"
    exit 1
fi

# The deep stretch walks depths 0-31 and back, half of it beyond depth 12
# where the field ends; the shallow one stays at depth 0-2 (left of centre).
pan_shift_db=2
set +e
"$probe" --min-pan-shift "$pan_shift_db" "$wav"
verdict=$?
set -e
exit "$verdict"
