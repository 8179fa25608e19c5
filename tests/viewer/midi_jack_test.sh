#!/usr/bin/env bash
# midi_jack_test.sh PROGRAM — runs polar_midi_jack_test against its own
# JACK server: jackd with the dummy driver (no sound card needed), under a
# server name of its own (JACK_DEFAULT_SERVER) so tests running in
# parallel never share or stop each other's server. The jackd started here
# is stopped by its pid when the script exits, whatever the outcome.
# Exit 77 (skip) when jackd is not installed or does not start.
set -u
program=$1

if ! command -v jackd >/dev/null 2>&1; then
    echo "SKIP: jackd is not installed (apt-get install jackd2)"
    exit 77
fi

export JACK_DEFAULT_SERVER="polar-midi-test-$$"
# jackd2 asks D-Bus to reserve an audio device; the dummy driver needs none.
export JACK_NO_AUDIO_RESERVATION=1
log=$(mktemp)
jackd -n "$JACK_DEFAULT_SERVER" -d dummy -r 48000 -p 1024 >"$log" 2>&1 &
jack_pid=$!
cleanup() {
    kill "$jack_pid" 2>/dev/null
    wait "$jack_pid" 2>/dev/null
    rm -f "$log"
}
trap cleanup EXIT

# The program waits up to 20 s for the server and exits 77 if none answers.
stderr=$(mktemp)
"$program" 2>"$stderr"
rc=$?
if [ $rc -eq 77 ]; then
    echo "SKIP: jackd did not start; its output:"
    cat "$log"
fi
# RtMidi's and JACK's chatter must have been captured, not printed.
if [ -s "$stderr" ]; then
    echo "stderr of the program (expected empty):"
    cat "$stderr"
    [ $rc -eq 0 ] && rc=1
fi
rm -f "$stderr"
exit $rc
