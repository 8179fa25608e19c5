#!/usr/bin/env bash
# A real window under Xvfb, theme diagram (flat colours, outlined squares,
# cut colour steps: what can be read back exactly): polar-viewer listens, oscsend (liblo, an
# independent OSC implementation) sends depth 1..3 and 4 branches, the viewer
# photographs its own window after those 8 events, and viewer_image_check
# counts 3 nested squares and finds the palette colour of 4 branches.
#   window_test.sh VIEWER CHECKER
set -euo pipefail
viewer=$1 checker=$2
command -v Xvfb >/dev/null || { echo "SKIP: Xvfb missing (apt-get install xvfb)"; exit 77; }
command -v oscsend >/dev/null || { echo "SKIP: oscsend missing (apt-get install liblo-tools)"; exit 77; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
port=$((20000 + RANDOM % 20000))
bash "$(dirname "$0")/with_xvfb.sh" "$viewer" --theme diagram --color-ease 0 --port "$port" --screenshot "$work/window.png" \
    --after 8 --timeout 100 --no-hud >"$work/viewer.log" 2>&1 &
viewer_pid=$!
# Events go out once the viewer says its first frame is on screen (the
# socket opened before that; the window then really draws): no guessed
# sleep. Up to 60 s, a safety net: Xvfb and the viewer start slowly under
# the sanitizers on a busy machine.
for _ in $(seq 600); do grep -q 'window open' "$work/viewer.log" 2>/dev/null && break; sleep 0.1; done
grep -q 'window open' "$work/viewer.log" || { echo "the viewer never opened its window"; cat "$work/viewer.log"; exit 1; }
for d in 1 2 3; do oscsend 127.0.0.1 "$port" /polar/depth if "$d" 0.1; done
for b in 1 2 3 4; do oscsend 127.0.0.1 "$port" /polar/branch iif 3 2 0.125; done
oscsend 127.0.0.1 "$port" /polar/result ii 1 1
wait "$viewer_pid" || { cat "$work/viewer.log"; exit 1; }
cat "$work/viewer.log"
"$checker" "$work/window.png" --squares 3 --branches 4
