#!/usr/bin/env bash
# Several senders on one screen (issue 14): two polar-github processes, each
# its own UDP socket, drive one polar-viewer. The viewer must give each its
# own lane — the left and the right half — in its own hue family, and say
# what it received from whom. Headless frames under Xvfb, theme diagram
# (flat backgrounds, so colours can be read back exactly).
#   multi_source_test.sh VIEWER GITHUB
# Prints the figures the closing note quotes: events per source, the two
# halves' background colours and outline pixels.
set -euo pipefail
viewer=$1 github=$2
command -v Xvfb >/dev/null || { echo "SKIP: Xvfb missing (apt-get install xvfb)"; exit 77; }
/usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null || { echo "SKIP: python3-numpy and python3-pil missing"; exit 77; }
work=$(mktemp -d)
pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"; }
trap cleanup EXIT
port=$((20000 + RANDOM % 20000))
# 240 frames = 4 s of scene time; the senders start once the viewer listens.
bash "$(dirname "$0")/with_xvfb.sh" "$viewer" --port "$port" --headless --frames 240 --every 20 \
    --out "$work/frames" --theme diagram --no-hud --no-labels --timeout 100 >"$work/viewer.log" 2>&1 &
viewer_pid=$!
for _ in $(seq 600); do grep -q 'listening' "$work/viewer.log" 2>/dev/null && break; sleep 0.1; done
grep -q 'listening' "$work/viewer.log" || { echo "the viewer never listened"; cat "$work/viewer.log"; exit 1; }
for seed in 1 2; do
    "$github" --forever --seed "$seed" --osc "127.0.0.1:$port" --pace 2ms >"$work/github$seed.log" 2>&1 &
    pids+=($!)
    sleep 0.3  # the first sender takes the left lane, the second the right
done
wait "$viewer_pid" || { echo "viewer failed"; cat "$work/viewer.log"; exit 1; }
cat "$work/viewer.log"
# "polar-viewer: source 127.0.0.1:PORT (polar-github): N events"
sources=$(grep -c '^polar-viewer: source ' "$work/viewer.log" || true)
[ "$sources" -eq 2 ] || { echo "FAIL: expected 2 sources, the viewer reported $sources"; exit 1; }
while read -r events; do
    [ "$events" -gt 100 ] || { echo "FAIL: a source sent only $events events"; exit 1; }
done < <(sed -n 's/^polar-viewer: source .*: \([0-9]*\) events.*/\1/p' "$work/viewer.log")
/usr/bin/python3 - "$work/frames" <<'PY'
import sys, glob
import numpy as np
from PIL import Image
# The last six pictures (frames 140..220, the last 1.7 s): a lane may be
# between two checks (depth 0) in any one of them, never in all.
frames = sorted(glob.glob(sys.argv[1] + "/frame_*.png"))[-6:]
images = [np.asarray(Image.open(f).convert("RGB")).astype(int) for f in frames]
h, w, _ = images[-1].shape
colours = {}
ok = True
for name, cut in (("left", slice(0, w // 2)), ("right", slice(w // 2, w))):
    half = images[-1][:, cut]
    corner = half[h - 6, 6] if name == "left" else half[h - 6, -6]
    # Outlines: the diagram's near-white borders (235, 240, 255).
    outlines = [int(((i[:, cut, 0] > 200) & (i[:, cut, 1] > 200) & (i[:, cut, 2] > 220)).sum()) for i in images]
    colours[name] = corner
    print(f"{name}: background {tuple(int(c) for c in corner)}, outline pixels per picture {outlines}")
    if max(outlines) < 500:
        print(f"FAIL: no squares in the {name} lane")
        ok = False
if np.abs(colours["left"] - colours["right"]).sum() < 30:
    print("FAIL: the two lanes share a colour: no hue family each")
    ok = False
sys.exit(0 if ok else 1)
PY
echo "ok: two senders, two lanes"
