#!/usr/bin/env bash
# frame_rate_test.sh VIEWER — the frame rate is measured, headless too.
#
# Headless frames end with "F fps, frame ms p50 X p99 Y" from the frames'
# real wall times (the HUD used to show a hard-coded 60). A window with
# --report-seconds prints bench/system.py's line (its regex, copied here,
# must still match) followed by "frame ms p50 X p99 Y; mistyped M". Checked: the
# figures are there, not negative, and p50 <= p99 — never their size, which
# depends on how busy the machine is.
set -euo pipefail
viewer=$1
source "$(dirname "$0")/test_support.sh"
need_xvfb

/usr/bin/python3 "$here/make_recording.py" short "$work/short.rec"
xvfb "$viewer" --headless --replay "$work/short.rec" --frames 30 --every 30 --out "$work/frames" >"$work/headless.out"
xvfb "$viewer" --port 0 --report-seconds 1s >"$work/window.out"
cat "$work/headless.out" "$work/window.out"
/usr/bin/python3 - "$work/headless.out" "$work/window.out" <<'PY'
import re, sys
headless, window = (open(path).read() for path in sys.argv[1:])
m = re.search(r"\(\d+ events; ([\d.]+) fps, frame ms p50 ([\d.]+) p99 ([\d.]+)\)", headless)
assert m, "headless: no measured fps and frame times"
fps, p50, p99 = map(float, m.groups())
assert fps > 0 and 0 < p50 <= p99, f"headless: fps {fps}, p50 {p50}, p99 {p99}"
# bench/system.py's regex, unchanged.
assert re.search(r"(\d+) frames in ([\d.]+) s = ([\d.]+) fps; (\d+) events = ([\d.e+]+) events/s", window), \
    "window: bench/system.py's regex no longer matches"
m = re.search(r"events/s; frame ms p50 ([\d.]+) p99 ([\d.]+); mistyped (\d+)$", window, re.M)
assert m, "window: no frame-time percentiles"
p50, p99 = map(float, m.groups()[:2])
assert m.group(3) == "0", f"window: mistyped {m.group(3)} with no input"
# 0 only when a busy machine drew a single frame in the second (the first
# frame, the window's creation, is not a frame time).
assert 0 <= p50 <= p99, f"window: p50 {p50}, p99 {p99}"
print("ok")
PY
