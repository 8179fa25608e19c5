#!/usr/bin/env bash
# with_xvfb.sh CMD [ARGS...] — runs CMD under its own private Xvfb
# (1280x720x24, or $POLAR_XVFB_SCREEN) and exits with CMD's status.
#
# Why not `xvfb-run -a`: it picks a display number by looking for a free
# lock file, so two copies started together (ctest -j2) can choose the same
# number; the loser's server fails to start and its command talks to the
# winner's server, which may close mid-test ("Failed to open X11 display",
# a flaky abort). Xvfb's own `-displayfd` makes the server claim a free
# number itself, atomically, and tell us which one it took.
#
# Exit 77 (ctest's skip) when Xvfb is not installed.
set -u
command -v Xvfb >/dev/null || { echo "SKIP: Xvfb missing (apt-get install xvfb)"; exit 77; }
(( $# > 0 )) || { echo "usage: with_xvfb.sh CMD [ARGS...]" >&2; exit 2; }

scratch=$(mktemp -d)
xpid=
cleanup() {
    if [[ -n "$xpid" ]]; then kill "$xpid" 2>/dev/null; wait "$xpid" 2>/dev/null; fi
    rm -rf "$scratch"
}
trap cleanup EXIT
trap 'exit 130' INT TERM  # until the command runs (then forwarded to it)

Xvfb -displayfd 3 -screen 0 "${POLAR_XVFB_SCREEN:-1280x720x24}" -nolisten tcp -noreset \
    3>"$scratch/display" 2>"$scratch/xvfb.log" &
xpid=$!

# The server writes its number once it listens. 30 s is far beyond a
# normal start (~0.1 s) yet still ends a test whose server cannot start.
for _ in $(seq 300); do
    [[ -s "$scratch/display" ]] && break
    kill -0 "$xpid" 2>/dev/null || break
    sleep 0.1
done
display=$(tr -dc '0-9' <"$scratch/display")
if [[ -z "$display" ]]; then
    echo "with_xvfb.sh: Xvfb did not start:" >&2
    cat "$scratch/xvfb.log" >&2
    exit 1
fi

# The command runs as a child so a signal to this script (a test killing
# the viewer it started) reaches it: forwarded, then waited for, so no
# viewer outlives its display (or keeps its ports, its JACK client...).
DISPLAY=":$display" XAUTHORITY=/dev/null "$@" &
child=$!
trap 'kill -TERM "$child" 2>/dev/null' INT TERM
status=0
wait "$child" || status=$?
while kill -0 "$child" 2>/dev/null; do
    status=0
    wait "$child" || status=$?
done
exit "$status"
