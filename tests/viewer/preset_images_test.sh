#!/usr/bin/env bash
# preset_images_test.sh VIEWER — the same replay under two presets gives two
# different pictures, each the approved one (issue 15).
#
# presets/diagram_warm.json and presets/ink_turned.json differ in theme,
# palette, zoom, rotation, hue and trail. Each run: --preset FILE (its
# preset 1 applies at start), make_recording.py's `ends` (a query left at depth 3),
# the frame 2.5 s in, no HUD. Compared with approved/preset_*.png
# by compare_images.py (at most 0.5 % of pixels off by more than 32 levels,
# the tolerance of the other approved images); the two pictures must differ
# from each other in more than 20 % of their pixels. POLAR_APPROVE=1 writes
# the approved images (look at them first).
set -euo pipefail
viewer=$1
source "$(dirname "$0")/test_support.sh"
need_xvfb
/usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null || { echo "SKIP: python3-numpy / python3-pil missing"; exit 77; }

/usr/bin/python3 "$here/make_recording.py" ends "$work/ends.rec"
recording="$work/ends.rec"
for preset in diagram_warm ink_turned; do
    # Frame 150 (2.5 s of scene time, 5 beats at 120 bpm): the rotation
    # has stepped five times.
    xvfb "$viewer" --headless --replay "$recording" --preset "$here/presets/$preset.json" \
        --frames 151 --every 150 --out "$work/$preset" --no-hud --timeout 60 >"$work/$preset.out" \
        || fail "$preset: exit $?"
    cp "$work/$preset/frame_00001.png" "$work/$preset.png"
    if [[ "${POLAR_APPROVE:-}" == 1 ]]; then
        cp "$work/$preset.png" "$here/approved/preset_$preset.png"
        echo "approved: wrote $here/approved/preset_$preset.png"
        continue
    fi
    /usr/bin/python3 "$here/compare_images.py" "$work/$preset.png" "$here/approved/preset_$preset.png" \
        || { cp "$work/$preset.png" "/tmp/preset_$preset.actual.png"; fail "$preset: differs from the approved image (actual in /tmp)"; }
done
/usr/bin/python3 "$here/compare_images.py" "$work/diagram_warm.png" "$work/ink_turned.png" --differ 0.2 \
    || fail "the two presets give the same picture"
(( failures == 0 )) && echo "ok - two presets, two approved pictures"
exit $(( failures > 0 ))
