#!/usr/bin/env bash
# send_stimulus.sh PORT [HOST] — play the sound tests' stimulus into a synth.
#
# Runs the real `polar query --osc HOST:PORT --pace 20ms` on stimulus.polar in
# three phases a listener can tell apart:
#   shallow  ~4 s  `in` over 16 elements, twice: depth 0–2, a branch, 16 results
#   pause    ~3 s  nothing is sent
#   deep     ~4 s  deep(30), twice: the stack climbs to 31 rule bodies and back
# Paced mode makes the VM wait for each event's slot, so each phase lasts as
# long as its events take to play (20 ms each) whatever the machine's speed.
# Prints each phase's start, in seconds since the script started, on stdout.
#
# Environment: POLAR_BIN (default: build/cli/polar beside this checkout).
set -euo pipefail

if [[ $# -lt 1 || $1 == -h || $1 == --help ]]; then
    sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'
    [[ $# -lt 1 ]] && exit 1 || exit 0
fi
port=$1
host=${2:-127.0.0.1}
here=$(cd "$(dirname "$0")" && pwd)
polar=${POLAR_BIN:-$here/../../build/cli/polar}
[[ -x $polar ]] || { echo "send_stimulus.sh: no polar binary at $polar (set POLAR_BIN)" >&2; exit 2; }

start=$EPOCHREALTIME
mark() { awk -v name="$1" -v t0="$start" -v t1="$EPOCHREALTIME" 'BEGIN { printf "%-8s %6.2f s\n", name, t1 - t0 }'; }
run() { "$polar" query "$here/stimulus.polar" --osc "$host:$port" --pace 20ms -q "$1" >/dev/null; }

mark shallow
run 'shallow(0)'
run 'shallow(0)'
mark pause
sleep 3
mark deep
run 'deep(30)'
run 'deep(30)'
mark end
