#!/usr/bin/env bash
# The flash test of issue 14 ("safe by default"): polar-viewer renders the
# worst-case flood (make_flood.py: 7 s at 100,000 events/s in three rhythms,
# then 3 s paced at 20 ms) headless, 600 frames = 10 s of scene time, and
# flash_meter.py — which looks only at the pixels — counts general and red
# flashes after WCAG 2.3.1 (the rule is in its header). More than 3 flashes
# in any second fails.
#
#   flash_test.sh PYTHON VIEWER THEME           pass when the meter says SAFE
#   flash_test.sh PYTHON VIEWER THEME --unsafe  with --unsafe-flashes: pass when
#                                               the meter says UNSAFE (so the
#                                               meter is seen to fail through the
#                                               real program, not only on
#                                               synthetic frames)
#
# THEME "default" runs the viewer without --theme. A named theme needs
# --theme in the viewer's --help; --unsafe needs --unsafe-flashes there.
# Missing either, or Xvfb, numpy or Pillow: skip (77).
set -euo pipefail
python=$1 viewer=$2 theme=$3 mode=${4:-safe}
here=$(cd "$(dirname "$0")" && pwd)
command -v Xvfb >/dev/null || { echo "SKIP: Xvfb missing (apt-get install xvfb)"; exit 77; }
"$python" -c 'import numpy, PIL' 2>/dev/null ||
    { echo "SKIP: $python has no numpy or Pillow (apt-get install python3-numpy python3-pil)"; exit 77; }
help=$("$viewer" --help)
args=(--headless --frames 600 --no-hud)
if [[ $theme != default ]]; then
    grep -q -- '--theme' <<<"$help" || { echo "SKIP: this polar-viewer has no --theme"; exit 77; }
    args+=(--theme "$theme")
fi
if [[ $mode == --unsafe ]]; then
    grep -q -- '--unsafe-flashes' <<<"$help" || { echo "SKIP: this polar-viewer has no --unsafe-flashes"; exit 77; }
    args+=(--unsafe-flashes)
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" "$here/make_flood.py" "$work/flood.rec"
# 640 x 360: the same 16:9 picture at a quarter of the pixels. The meter
# works on frame means, which the size barely moves, and 600 frames at
# 1280 x 720 take minutes of PNG encoding and decoding on a shared 2-core
# machine. The viewer's --timeout (300 s) is a safety net, not a measure.
rc=0
bash "$(dirname "$0")/with_xvfb.sh" "$viewer" "${args[@]}" --replay "$work/flood.rec" \
    --out "$work/frames" --width 640 --height 360 --timeout 300 >"$work/viewer.log" 2>&1 || rc=$?
cat "$work/viewer.log"
((rc == 0)) || { echo "polar-viewer failed (exit $rc)"; exit 1; }
# The per-frame means stay in the working directory (ctest's: the build
# tree), for whoever tunes a limiter against a failure.
series="$PWD/flash-$theme.csv"
[[ $mode == --unsafe ]] && series="$PWD/flash-$theme-unsafe.csv"
rc=0
"$python" "$here/flash_meter.py" "$work/frames" --csv "$series" || rc=$?
echo "per-frame luminance and red: $series"
if [[ $mode == --unsafe ]]; then
    # --unsafe-flashes lifts the limiter: the flood must then flash too much.
    case $rc in
    1) echo "PASS: with --unsafe-flashes the meter sees the flood's flashes"; exit 0 ;;
    0) echo "FAIL: with --unsafe-flashes the meter saw no unsafe flashing"; exit 1 ;;
    *) echo "FAIL: the meter could not measure (exit $rc)"; exit 1 ;;
    esac
fi
case $rc in
0) echo "PASS: theme $theme stays within 3 flashes a second" ;;
1) echo "FAIL: theme $theme flashes more than 3 times in some second"; exit 1 ;;
*) echo "FAIL: the meter could not measure (exit $rc)"; exit 1 ;;
esac
