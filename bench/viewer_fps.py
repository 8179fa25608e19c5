#!/usr/bin/env python3
"""viewer_fps.py — issue 14's "Goals": polar-viewer's frame rate under a flood.

  python3 bench/viewer_fps.py [BUILD_DIR] [--seconds 10] [--themes a,b] [--rate 100000]
                              [--size 1280x720] [--out FILE] [--quick] [--mode coaster]

The goal: 60 fps at 1280 x 720 with the richest theme under 100,000 events/s,
frame time p99 under 25 ms. Measured as a user would see it: a real window
under `xvfb-run` (Mesa llvmpipe: software GL, the floor on this 2-core
machine), `polar-viewer --port P --report-seconds S [--theme T]`, fed live
over UDP by `polar-osc replay --loop` of a recording made by
tests/viewer/make_flood.py (the flash test's flood without its paced part:
7 s at RATE events/s on average — steady, in bursts, then branch-only after
one error — replayed in a loop). The sender starts once the viewer says its
window is open. One row per theme: those `--theme list` prints, else those
`--help` lists for --theme, else the viewer's one look ("default"), or
those given with --themes.

Per row: frames per second and events per second the viewer received (its
--report-seconds line), and frame time p50 / p99 when the viewer prints
`frame ms p50 X p99 Y` (an addition of issue 14; "-" before it lands). The
sender's nominal rate is RATE; the received rate says whether the flood
arrived whole (the kernel drops what the viewer's socket cannot hold).

A measurement, never a pass/fail: the exit code is 0 when every row was
measured, 1 when one could not be (its error is in the table and the JSON),
2 for a missing program or bad arguments. The JSON (default
BUILD_DIR/viewer-fps.json) holds every row; bench/run_all.py calls run()
and report_lines() for `./run bench`.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from system import free_udp_port, stop  # noqa: E402 (after the path)

MAKE_FLOOD = os.path.join(ROOT, "tests", "viewer", "make_flood.py")
# The goal's numbers (issue 14).
GOAL_FPS = 60
GOAL_P99_MS = 25
GOAL_RATE = 100000
# Seconds to wait for the window before giving up: Xvfb and the first GL
# context take a few seconds on a busy machine; 60 is a safety net.
WINDOW_TIMEOUT_S = 60
REPORT = re.compile(r"(\d+) frames in ([\d.]+) s = ([\d.]+) fps; (\d+) events = ([\d.e+]+) events/s")
# Lenient about the punctuation between the words ("frame ms p50 4.1 p99 9.8",
# "frame ms: p50 4.1, p99 9.8"): the line is another engineer's to word.
FRAME_TIMES = re.compile(r"frame ms\W*p50\W*([\d.]+)\W*p99\W*([\d.]+)")


def listed_themes(viewer):
    """`--theme list` (viewer/app/theme.hpp: one theme a line, its name
    first), or [] when this viewer does not answer it."""
    try:
        p = subprocess.run([viewer, "--theme", "list"], capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return []
    names = [line.split()[0].strip(":") for line in p.stdout.splitlines() if line.strip()]
    return names if p.returncode == 0 and names and all(re.fullmatch(r"[\w-]+", n) for n in names) else []


def themes(viewer):
    """The theme names `--theme list` prints, else those --help lists for
    --theme, else ["default"] (the viewer's own look, no --theme). CLI11
    prints a set of choices as {a,b,c}; a description may list them after
    "themes:" or "one of"."""
    names = listed_themes(viewer)
    if names:
        return names
    try:
        text = subprocess.run([viewer, "--help"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return ["default"]
    lines = text.splitlines()
    for k, line in enumerate(lines):
        if "--theme" not in line:
            continue
        # The option's own text: its line and the indented lines under it.
        block = line
        for more in lines[k + 1:]:
            if re.match(r"\s*-", more) or not more.strip():
                break
            block += " " + more.strip()
        m = re.search(r"\{([\w,\s-]+)\}", block) or re.search(r"(?:themes?|one of)\s*:?\s*([\w-]+(?:\s*[,|/]\s*[\w-]+)+)",
                                                                block, re.IGNORECASE)
        if m:
            return [t for t in re.split(r"[\s,|/]+", m.group(1)) if t]
    return ["default"]


def make_recording(path, rate):
    subprocess.run([sys.executable, MAKE_FLOOD, path, "--rate", str(rate), "--paced-seconds", "0"],
                   check=True, capture_output=True, timeout=300)


def measure(viewer, osc_tool, recording, theme, seconds, size, mode=None):
    """One row: {"fps", "events_per_s", "frames", "p50_ms", "p99_ms"} or {"error"}."""
    if not shutil.which("xvfb-run"):
        return {"error": "xvfb-run is not installed"}
    width, height = size
    port = free_udp_port()
    cmd = ["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", viewer, "--port", str(port),
           "--report-seconds", str(seconds), "--width", str(width), "--height", str(height), "--no-hud"]
    if theme != "default":
        cmd += ["--theme", theme]
    if mode:
        cmd += ["--mode", mode]
    # Own process groups, so stop() also ends xvfb-run's X server and the sender.
    shown = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             start_new_session=True)
    out, opened = [], threading.Event()

    def read():
        for line in shown.stdout:
            out.append(line)
            if "window open" in line:
                opened.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    sender = None
    try:
        if not opened.wait(WINDOW_TIMEOUT_S):
            return {"error": "the window did not open: " + "".join(out[-3:]).strip()}
        sender = subprocess.Popen([osc_tool, "replay", recording, "--to", f"127.0.0.1:{port}", "--loop"],
                                  cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                  start_new_session=True)
        shown.wait(timeout=seconds + 60)
    except subprocess.TimeoutExpired:
        return {"error": "polar-viewer did not report in time"}
    finally:
        stop(shown)
        if sender:
            stop(sender)
        reader.join(timeout=10)
    text = "".join(out)
    m = REPORT.search(text)
    if not m:
        last = text.strip().splitlines()[-1] if text.strip() else "no output"
        return {"error": f"no report from polar-viewer: {last}"}
    row = {"fps": float(m.group(3)), "events_per_s": float(m.group(5)), "frames": int(m.group(1)),
           "seconds": float(m.group(2)), "p50_ms": None, "p99_ms": None}
    t = FRAME_TIMES.search(text)
    if t:
        row["p50_ms"], row["p99_ms"] = float(t.group(1)), float(t.group(2))
    return row


def run(build, quick=False, seconds=None, names=None, rate=GOAL_RATE, size=(1280, 720), mode=None):
    """Every theme's row, as a dict for bench-results.json."""
    viewer = os.path.abspath(os.path.join(build, "viewer", "app", "polar-viewer"))
    osc_tool = os.path.abspath(os.path.join(build, "osc", "tool", "polar-osc"))
    missing = [p for p in (viewer, osc_tool) if not os.access(p, os.X_OK)]
    if missing:
        return {"error": "missing " + ", ".join(missing)}
    # 10 s: 600 frames at the goal, enough for a p99 of 6 frames; --quick 3 s.
    seconds = seconds or (3 if quick else 10)
    result = {"seconds": seconds, "rate": rate, "size": f"{size[0]}x{size[1]}", "rows": {}}
    with tempfile.TemporaryDirectory(prefix="polar-viewer-fps-") as work:
        recording = os.path.join(work, "flood.rec")
        make_recording(recording, rate)
        for theme in names or themes(viewer):
            print(f"  {theme}: {seconds} s at {rate:,} events/s, {size[0]}x{size[1]}", flush=True)
            result["rows"][theme] = measure(viewer, osc_tool, recording, theme, seconds, size, mode)
    return result


def ms(value):
    return "-" if value is None else f"{value:.1f}"


def table(result):
    lines = ["| theme | fps | frame ms p50 | frame ms p99 | events/s received |", "|---|---:|---:|---:|---:|"]
    for theme, row in result.get("rows", {}).items():
        if "error" in row:
            lines.append(f"| {theme} | failed: {row['error']} | | | |")
        else:
            lines.append(f"| {theme} | {row['fps']:.1f} | {ms(row['p50_ms'])} | {ms(row['p99_ms'])} | "
                         f"{row['events_per_s']:,.0f} |")
    return lines


def report_lines(result):
    """The report's section (docs/performance.md, through run_all.py)."""
    lines = ["## The viewer under a 100,000 events/s flood (issue 14's goals)", ""]
    if not result or "error" in result:
        return lines + [f"Not measured: {(result or {}).get('error', 'not run')}.", ""]
    lines += [f"Goal: {GOAL_FPS} fps at 1280x720 with the richest theme, frame time p99 under {GOAL_P99_MS} ms. "
              f"Measured: a window of {result['size']} under `xvfb-run` (Mesa llvmpipe, software GL), "
              f"`--report-seconds {result['seconds']}`, fed by `polar-osc replay --loop` of "
              f"`tests/viewer/make_flood.py --paced-seconds 0` ({result['rate']:,} events/s on average); "
              "`bench/viewer_fps.py`. A dash: this viewer does not print frame times yet.", ""]
    return lines + table(result) + [""]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("--seconds", type=float, help="seconds per row (10; --quick 3)")
    parser.add_argument("--themes", help="comma-separated themes (default: those --help lists)")
    parser.add_argument("--rate", type=int, default=GOAL_RATE, help="flood events per second (100000)")
    parser.add_argument("--size", default="1280x720", help="window size (1280x720)")
    parser.add_argument("--out", help="JSON results (default BUILD_DIR/viewer-fps.json)")
    parser.add_argument("--quick", action="store_true", help="3 s a row: checks the harness")
    parser.add_argument("--mode", help="polar-viewer --mode (squares, coaster): the coaster ride instead of the squares")
    args = parser.parse_args()
    m = re.fullmatch(r"(\d+)x(\d+)", args.size)
    if not m or args.rate <= 0 or (args.seconds is not None and args.seconds <= 0):
        print("viewer_fps.py: --size is WxH, --rate and --seconds positive", file=sys.stderr)
        return 2
    names = [t for t in args.themes.split(",") if t] if args.themes else None
    result = run(args.build, args.quick, args.seconds, names, args.rate, (int(m.group(1)), int(m.group(2))),
                 args.mode)
    if "error" in result:
        print(f"viewer_fps.py: {result['error']}", file=sys.stderr)
        return 2
    result["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    result["load"] = os.getloadavg()
    print("\n".join(table(result)))
    out = args.out or os.path.join(args.build, "viewer-fps.json")
    with open(out, "w") as f:
        json.dump(result, f, indent=1)
    print(f"wrote {out}")
    return 1 if any("error" in row for row in result["rows"].values()) else 0


if __name__ == "__main__":
    sys.exit(main())
