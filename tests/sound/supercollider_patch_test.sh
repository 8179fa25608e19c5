#!/usr/bin/env bash
# supercollider_patch_test.sh — does patches/supercollider/polar.scd play the policy?
#
# Starts a private JACK server (dummy backend: no sound card needed), runs
# sclang with the patch in recording mode (POLAR_SC_RECORD), waits until it
# listens, plays send_stimulus.sh into it, stops it with /polar_sc/stop, and
# judges ./supercollider-recording.wav with polar_sound_probe, printing its
# figures; stereo included: the depth tone is panned by depth, so the deep
# stretch must lean right of the shallow one (--min-pan-shift). Exit: the probe's verdict (0 pass, 1 a check failed, 2 unreadable
# recording); 1 when the patch never gets ready; 77 (skip) when sclang,
# scsynth or jackd is missing, or JACK / the server cannot start here.
#
# Environment (ctest sets them): POLAR_SOUND_DIR (send_stimulus.sh),
# POLAR_PATCHES (the patches folder), POLAR_BIN, POLAR_SOUND_PROBE.
# Logs: ./supercollider-sclang.log, ./supercollider-jackd.log.
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
    sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi

here=$(cd "$(dirname "$0")" && pwd)
sound_dir=${POLAR_SOUND_DIR:-$here}
patch=${POLAR_PATCHES:-$here/../../patches}/supercollider/polar.scd
probe=${POLAR_SOUND_PROBE:-}
recording=$PWD/supercollider-recording.wav
sclang_log=$PWD/supercollider-sclang.log
jackd_log=$PWD/supercollider-jackd.log

# Bounds, in seconds: safety nets, each ended early by what it waits for.
# Together (≤ 177 s) under ctest's 180 s; a normal run takes about 25 s:
# sclang is ready in ~5 s (14 s measured at load average 17 on 2 cores),
# the stimulus lasts ~12 s.
jack_start_limit=10    # the dummy backend is up in well under a second
ready_limit=60         # sclang start + class library + server boot (the patch itself gives up on boot at 20 s)
parse_limit=30         # from sclang's welcome to the patch's first line: immediate (was 10: too tight under load)
stimulus_limit=60      # the stimulus takes 12–13 s; paced, so not faster on a fast machine
tail_seconds=1.5       # lets the depth voice fade (~0.7 s) so the end is recorded
stop_limit=25          # stop recording, close the file, quit the server (was 15)
guard_seconds=170      # a hard cap on jackd and sclang even if this script is killed

skip() { echo "SKIP: $*"; exit 77; }
fail() { echo "FAIL: $*"; exit 1; }

for program in sclang scsynth jackd; do
    command -v "$program" >/dev/null || skip "$program is not installed (apt-get install --no-install-recommends supercollider-language supercollider-server jackd2)"
done
[[ -f $patch ]] || fail "no patch at $patch"
[[ -n $probe && -x $probe ]] || fail "POLAR_SOUND_PROBE must name the polar_sound_probe binary (got '${probe}')"
[[ -f $sound_dir/send_stimulus.sh ]] || fail "no send_stimulus.sh in $sound_dir"

# Both background programs run in sessions of their own (setsid), so the
# cleanup can end each one with everything it started — scsynth is sclang's
# child — by process group, and nothing else.
jackd_pid=""
sclang_pid=""
stimulus_pid=""
# alive PID — running, not a zombie waiting to be reaped.
alive() { local st; st=$(ps -o stat= -p "$1" 2>/dev/null) && [[ $st != Z* ]]; }
# stop_group PID — TERM its process group, give it 3 s to finish (jackd and
# scsynth shut down cleanly in well under that), KILL what is left, reap.
stop_group() {
    local pid=$1 i
    kill -TERM -- "-$pid" 2>/dev/null || return 0
    for ((i = 0; i < 30; i++)); do alive "$pid" || break; sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    [[ -n $stimulus_pid ]] && kill -TERM "$stimulus_pid" 2>/dev/null
    [[ -n $sclang_pid ]] && stop_group "$sclang_pid"
    [[ -n $jackd_pid ]] && stop_group "$jackd_pid"
    return 0
}
trap cleanup EXIT
trap 'exit 143' TERM INT # ctest's timeout: still run the cleanup

show_log() { echo "--- last lines of $1:"; tail -n "${2:-25}" "$1" || true; }

# udp_port_busy PORT — is anything bound to this UDP port?
udp_port_busy() { ss -Hnul "sport = :$1" 2>/dev/null | grep -q .; }

# A JACK server of our own, named after this process, so a JACK (or another
# test's) already running on this machine is neither used nor disturbed.
jack_name=polar-sc-test-$$
export JACK_DEFAULT_SERVER=$jack_name
setsid timeout -s KILL "$guard_seconds" jackd -n "$jack_name" -r -d dummy -r 48000 -p 1024 >"$jackd_log" 2>&1 &
jackd_pid=$!
if command -v jack_wait >/dev/null; then
    jack_wait -s "$jack_name" -w -t "$jack_start_limit" >/dev/null 2>&1 ||
        { show_log "$jackd_log"; skip "jackd (dummy backend) did not start within ${jack_start_limit} s"; }
else
    sleep 1
fi
alive "$jackd_pid" || { show_log "$jackd_log"; skip "jackd (dummy backend) exited at once"; }

# The server's port: 57110 (sclang's default) unless someone's own scsynth
# holds it.
server_port=57110
while udp_port_busy "$server_port" && ((server_port < 57119)); do server_port=$((server_port + 1)); done

rm -f "$recording"
: >"$sclang_log" # exists before the first look at it
echo "starting sclang with $patch (server port $server_port, JACK server $jack_name)"
# Offscreen Qt, no web-engine sandbox: sclang runs headless and as root.
# POLAR_SC_SECONDS is only a cap; /polar_sc/stop ends the recording. The
# stimulus goes to 57120, so the patch leaves 9001 to whoever uses it (the Pd
# patch's test, a demo).
POLAR_SC_RECORD=$recording POLAR_SC_SECONDS=90 POLAR_SC_SERVER_PORT=$server_port POLAR_SC_PORT=off \
    QT_QPA_PLATFORM=offscreen QTWEBENGINE_DISABLE_SANDBOX=1 \
    setsid timeout -s KILL "$guard_seconds" sclang "$patch" </dev/null >"$sclang_log" 2>&1 &
sclang_pid=$!

# Ready when the patch says so and its port is bound. The patch prints the
# port sclang really got: 57120, or the next free one if 57120 was taken.
# sclang runs a file it cannot parse by saying nothing: the patch's first
# line, "polar.scd: starting", must follow sclang's welcome within
# parse_limit seconds.
port=""
deadline=$((SECONDS + ready_limit))
welcome_at=""
while ((SECONDS < deadline)); do
    if [[ -z $welcome_at ]] && grep -q "^\*\*\* Welcome to SuperCollider" "$sclang_log"; then welcome_at=$SECONDS; fi
    if [[ -n $welcome_at ]] && ((SECONDS - welcome_at > parse_limit)) && ! grep -q "^polar\.scd: starting" "$sclang_log"; then
        show_log "$sclang_log"; fail "sclang did not run the patch (a syntax error?): check it with sclang in a terminal"
    fi
    if grep -q "polar.scd: ERROR: the server did not boot" "$sclang_log"; then
        show_log "$sclang_log"; skip "the SuperCollider server cannot boot here"
    fi
    if grep -q "^ERROR:\|polar.scd: ERROR" "$sclang_log"; then
        show_log "$sclang_log" 40; fail "the patch failed to start"
    fi
    alive "$sclang_pid" || { show_log "$sclang_log"; fail "sclang exited before the patch was ready"; }
    port=$(sed -n 's/^polar\.scd: ready, listening on ports \([0-9]*\).*/\1/p' "$sclang_log")
    if [[ -n $port ]] && udp_port_busy "$port"; then break; fi
    port=""
    sleep 0.2
done
[[ -n $port ]] || { show_log "$sclang_log"; fail "the patch was not ready within ${ready_limit} s"; }
echo "the patch listens on UDP $port"

# In the background and waited for, so a TERM reaches the trap at once.
timeout "$stimulus_limit" bash "$sound_dir/send_stimulus.sh" "$port" &
stimulus_pid=$!
wait "$stimulus_pid" || fail "send_stimulus.sh failed or took over ${stimulus_limit} s"
stimulus_pid=""
sleep "$tail_seconds"

# /polar_sc/stop, no arguments: the address padded to 16 bytes, then ",".
printf '/polar_sc/stop\0\0,\0\0\0' >"/dev/udp/127.0.0.1/$port"
deadline=$((SECONDS + stop_limit))
while alive "$sclang_pid" && ((SECONDS < deadline)); do
    grep -q "^polar\.scd: recorded" "$sclang_log" && break
    sleep 0.2
done
grep -q "^polar\.scd: recorded" "$sclang_log" ||
    { show_log "$sclang_log"; fail "the patch did not finish its recording within ${stop_limit} s"; }
sleep 0.5 # the file is closed; let the server quit before the cleanup ends it

[[ -s $recording ]] || fail "no recording at $recording"
echo "probing $recording"
# The deep stretch walks depths 0-31 and back, half of it beyond depth 12
# where the field ends; the shallow one stays at depth 0-2 (left of centre).
pan_shift_db=2
set +e
"$probe" --min-pan-shift "$pan_shift_db" "$recording"
verdict=$?
set -e
exit "$verdict"
