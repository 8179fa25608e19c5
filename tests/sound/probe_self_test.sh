#!/usr/bin/env bash
# probe_self_test.sh — the sound probe must tell a good recording from bad ones.
#
# sox makes recordings whose answers are known: a low stretch, a pause, a high
# stretch passes; the same reversed, silence, sound without pauses, pauses
# that are barely quieter, and a file that is no WAV must each fail with the
# right exit code. With --min-pan-shift (the stereo check): low on the left
# then high on the right passes; the same mirrored fails, and so does a pair
# of channels in anti-phase (their mono sum cancels). A probe that passed everything would make every synth
# test worthless, so this test runs first (it is cheap).
# Environment: POLAR_SOUND_PROBE (the probe binary).
set -euo pipefail

probe=${POLAR_SOUND_PROBE:?set POLAR_SOUND_PROBE to the polar_sound_probe binary}
command -v sox >/dev/null || { echo "SKIP: sox is not installed (Debian package sox)"; exit 77; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

tone() { sox -n -r 48000 -c 2 -b 16 "$1" synth "$2" "$3" "$4" vol "$5"; }
silence() { sox -n -r 48000 -c 2 -b 16 "$1" trim 0 "$2"; }
silence edge.wav 1
silence pause.wav 3
tone low.wav 4 sine 110 0.4
tone high.wav 4 square 330 0.3
tone hum.wav 3 sine 110 0.2   # a "pause" only 6 dB under the stretches

sox edge.wav low.wav pause.wav high.wav edge.wav good.wav
sox edge.wav high.wav pause.wav low.wav edge.wav reversed.wav
sox edge.wav low.wav low.wav high.wav edge.wav no-pause.wav
sox edge.wav low.wav hum.wav high.wav edge.wav weak-pause.wav
sox good.wav -e floating-point -b 32 good-float.wav
sox edge.wav pause.wav silent.wav
printf 'RIFF\0\0\0\0WAVEjunk' > not-a-wav.wav
# Stereo: remix takes channel 1 into both channels with the gains given.
sox low.wav low-left.wav remix 1v0.9 1v0.3
sox high.wav high-right.wav remix 1v0.3 1v0.9
sox low.wav low-right.wav remix 1v0.3 1v0.9
sox high.wav high-left.wav remix 1v0.9 1v0.3
sox low.wav low-left-anti.wav remix 1v0.9 1v-0.3
sox high.wav high-right-anti.wav remix 1v0.3 1v-0.9
sox edge.wav low-left.wav pause.wav high-right.wav edge.wav stereo-good.wav
sox edge.wav low-right.wav pause.wav high-left.wav edge.wav stereo-mirrored.wav
sox edge.wav low-left-anti.wav pause.wav high-right-anti.wav edge.wav stereo-anti.wav
# A recorder killed before it patched its header: data size 0, samples present.
cp good.wav unpatched.wav
offset=$(grep -obUaP 'data' unpatched.wav | head -n1 | cut -d: -f1)
printf '\0\0\0\0' | dd of=unpatched.wav bs=1 seek=$((offset + 4)) conv=notrunc status=none

failures=0
# expect WANT FILE [PROBE OPTIONS...]
expect() {
    local want=$1 file=$2 got=0
    "$probe" "${@:3}" "$file" > "$file.out" 2>&1 || got=$?
    if [[ $got == "$want" ]]; then
        printf 'ok    %-16s exit %s: %s\n' "$file" "$got" "$(tail -n1 "$file.out")"
    else
        printf 'WRONG %-16s exit %s, want %s\n' "$file" "$got" "$want"
        sed 's/^/      /' "$file.out"
        failures=$((failures + 1))
    fi
}
expect 0 good.wav
expect 0 good-float.wav
expect 0 unpatched.wav
expect 1 reversed.wav
expect 1 no-pause.wav
expect 1 weak-pause.wav
expect 1 silent.wav
expect 2 not-a-wav.wav
expect 2 missing.wav
expect 0 stereo-good.wav --min-pan-shift 3
expect 1 stereo-mirrored.wav --min-pan-shift 3
expect 1 stereo-anti.wav --min-pan-shift 3
expect 0 stereo-mirrored.wav  # without the option, stereo is not judged
((failures == 0)) || { echo "$failures probe verdict(s) wrong"; exit 1; }
echo "the probe tells all 13 recordings apart"
