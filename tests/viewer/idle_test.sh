#!/usr/bin/env bash
# idle_test.sh VIEWER — before any sender, the screen is alive, not black:
# the theme's idle look (neon: drifting ghost squares) plays over the whole
# frame and the HUD shows. Two pictures a second apart must differ (drift)
# and neither may be flat. It used to be a black frame until the first
# event arrived.
set -euo pipefail
viewer=$1
source "$(dirname "$0")/test_support.sh"
need_xvfb
/usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null || { echo "SKIP: python3-numpy and python3-pil missing"; exit 77; }
xvfb "$viewer" --headless --port 0 --theme neon --frames 121 --every 60 --no-hud --out "$work/frames" >"$work/out"
/usr/bin/python3 - "$work/frames" <<'PY'
import sys, glob
import numpy as np
from PIL import Image
frames = [np.asarray(Image.open(f).convert("L")).astype(float) for f in sorted(glob.glob(sys.argv[1] + "/frame_*.png"))]
assert len(frames) == 3, len(frames)
ok = True
for k, f in enumerate(frames[1:], 1):
    print(f"picture {k}: mean {f.mean():.1f}, spread {f.std():.1f}")
    if f.std() < 3:
        print("FAIL: a flat picture while waiting for a sender"); ok = False
change = np.abs(frames[2] - frames[1]).mean()
print(f"mean change over a second: {change:.2f} levels")
if change < 0.5:
    print("FAIL: nothing moves while waiting"); ok = False
sys.exit(0 if ok else 1)
PY
