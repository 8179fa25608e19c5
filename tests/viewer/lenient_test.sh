#!/usr/bin/env bash
# lenient_test.sh VIEWER CHECKER — messages typed the way TouchDesigner or
# a hand sends them draw (issue 15), and the unusable ones are counted:
#   1. `/polar/depth ff 4.0 0.125` (floats, not the documented `if`) draws
#      four nested squares (viewer_image_check counts them);
#   2. a window with --report-seconds counts `/polar/depth s deep`,
#      `/polar/rule` without its name and `/viewer/zoom s big` as mistyped 3,
#      while `/polar/depth i 2` and `/viewer/zoom f 2` are taken.
set -euo pipefail
viewer=$1 checker=$2
source "$(dirname "$0")/test_support.sh"
need_xvfb
command -v oscsend >/dev/null || { echo "SKIP: oscsend missing (apt-get install liblo-tools)"; exit 77; }

port_of() { sed -n 's/.*listening on 127.0.0.1:\([0-9]*\).*/\1/p' "$1"; }

xvfb "$viewer" --headless --port 0 --oscquery-port 0 --theme diagram --color-ease 0 --no-hud \
    --screenshot "$work/depth.png" --after 1 --timeout 60 >"$work/shot.out" 2>&1 &
shot=$!
wait_for "$work/shot.out" "listening on" || fail "the headless viewer did not start"
oscsend 127.0.0.1 "$(port_of "$work/shot.out")" /polar/depth ff 4.0 0.125
wait $shot || fail "screenshot run: exit $?"
"$checker" "$work/depth.png" --squares 4 || fail "/polar/depth ff 4.0 0.125 did not draw four squares"

xvfb "$viewer" --port 0 --oscquery-port 0 --report-seconds 4s >"$work/window.out" 2>&1 &
window=$!
wait_for "$work/window.out" "window open" || fail "the window did not open"
port=$(port_of "$work/window.out")
oscsend 127.0.0.1 "$port" /polar/depth i 2
oscsend 127.0.0.1 "$port" /viewer/zoom f 2
oscsend 127.0.0.1 "$port" /polar/depth s deep
oscsend 127.0.0.1 "$port" /polar/rule
oscsend 127.0.0.1 "$port" /viewer/zoom s big
wait $window || fail "window run: exit $?"
grep -q "; mistyped 3$" "$work/window.out" || fail "expected mistyped 3: $(tail -1 "$work/window.out")"

(( failures == 0 )) && echo "ok - lenient forms draw, unusable ones are counted"
exit $(( failures > 0 ))
