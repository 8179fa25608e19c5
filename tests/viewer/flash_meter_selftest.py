#!/usr/bin/env python3
"""flash_meter_selftest.py — the flash meter against sequences whose answer is known.

  flash_meter_selftest.py

A meter that never says UNSAFE would pass every viewer, so each case here
is built to land on one side of a threshold of the rule (flash_meter.py's
header), and the set covers both verdicts on both channels. The first part
feeds per-frame means straight to the rule; the second writes small PNG
frames and runs the meter as the flash test does (its sRGB conversion, its
exit codes). Exit 0 all pass, 1 a case failed, 77 numpy or Pillow missing.
"""
import math
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import flash_meter as fm  # noqa: E402 (exits 77 itself when numpy or Pillow is missing)
import numpy as np  # noqa: E402
from PIL import Image  # noqa: E402

FPS = fm.DEFAULT_FPS
failures = []


def check(name, condition, detail=""):
    print(f"{'ok  ' if condition else 'FAIL'} {name}{': ' + detail if detail else ''}")
    if not condition:
        failures.append(name)


def square_wave(hz, low, high, seconds=3):
    """Alternates low/high, `hz` full cycles a second (two transitions each)."""
    half = FPS / (2 * hz)
    return [high if int(k / half) % 2 else low for k in range(int(seconds * FPS))]


def lum(values):
    return fm.measure_series(values, [0.0] * len(values), FPS)["channels"]["luminance"]


def red(values):
    return fm.measure_series([0.0] * len(values), values, FPS)


# --- The rule on per-frame means --------------------------------------------

# A 30 Hz black/white strobe: 60 transitions a second, 30 flashes.
c = lum(square_wave(30, 0.0, 1.0))
check("30 Hz black/white strobe is unsafe", not c["safe"] and c["max_per_second"] == 60,
      f"{c['max_per_second']} transitions in the worst second")

# 2 Hz: 4 transitions a second, 2 flashes — under 3.
c = lum(square_wave(2, 0.0, 1.0))
check("2 Hz black/white is safe", c["safe"] and c["max_per_second"] == 4, f"{c['max_per_second']}")

# The edge: 3 Hz is 6 transitions in any second (allowed), 3.5 Hz is 7 in some second (not).
c = lum(square_wave(3, 0.0, 1.0))
check("3 Hz is at the limit, safe", c["safe"] and c["max_per_second"] == 6, f"{c['max_per_second']}")
c = lum(square_wave(3.5, 0.0, 1.0, seconds=4))
check("3.5 Hz is over the limit", not c["safe"] and c["max_per_second"] == 7, f"{c['max_per_second']}")

# A slow ramp from 0.1 to 0.9 over 2 s: one transition, however many frames.
c = lum([0.1 + 0.8 * k / 119 for k in range(120)])
check("a slow ramp is one transition", c["transitions"] == 1, f"{c['transitions']}")

# Noise below the hysteresis around 0.4: nothing.
rng = np.random.default_rng(14)
noise = (0.4 + rng.uniform(-0.4, 0.4, 600) * fm.LUMINANCE["hysteresis"]).tolist()
c = lum(noise)
check("noise below E is no transition", c["transitions"] == 0, f"{c['transitions']}")

# A staircase of steps each below E, adding up to 0.3: one transition.
step = fm.LUMINANCE["hysteresis"] * 0.8
stairs = [0.2 + step * k for k in range(int(0.3 / step) + 1)]
c = lum(stairs)
check("a staircase of tiny steps adding to 0.3 is one transition", c["transitions"] == 1,
      f"{len(stairs)} steps of {step}, {c['transitions']} transitions")

# A rise of 0.3 that dips back by less than E every third frame: one
# transition (without the hysteresis each dip would restart the run, and
# the rise would never add up to one counted transition).
wobbly, v = [], 0.2
for k in range(90):
    v += -0.8 * fm.LUMINANCE["hysteresis"] if k % 3 == 2 else 0.01
    wobbly.append(v)
c = lum(wobbly)
check("a rise with dips smaller than E is one transition", c["transitions"] == 1,
      f"from {wobbly[0]:.3f} to {wobbly[-1]:.3f}, {c['transitions']} transitions")

# Small changes (under T = 0.1) at 30 Hz: a flicker, not a flash, by WCAG's definition.
c = lum(square_wave(30, 0.40, 0.48))
check("a 30 Hz flicker of 0.08 is below the threshold", c["transitions"] == 0, f"{c['transitions']}")

# Between 0.85 and 1.0 the darker image is not below 0.80: no transition.
c = lum(square_wave(30, 0.85, 1.0))
check("a flicker between 0.85 and 1.0 is not a transition", c["transitions"] == 0, f"{c['transitions']}")

# Red/black at 5 Hz: 10 red transitions a second — unsafe on red only.
result = red(square_wave(5, 0.0, 150.0))
check("a 5 Hz red/black alternation fails on red", not result["channels"]["red"]["safe"]
      and result["channels"]["red"]["max_per_second"] == 10, f"{result['channels']['red']['max_per_second']}")
check("...and not on luminance", result["channels"]["luminance"]["safe"]
      and result["channels"]["luminance"]["transitions"] == 0)
check("...so the verdict is unsafe", not result["safe"])

# A red change below T = 20 is nothing; the same at 25 is a transition.
check("red changes of 15 are below T", red(square_wave(5, 100.0, 115.0))["channels"]["red"]["transitions"] == 0)
check("red changes of 25 count", red(square_wave(5, 100.0, 125.0))["channels"]["red"]["transitions"] > 0)

# A transition is counted once: a run that keeps rising is one, and the
# opposite run after it is the second (one flash).
c = lum([0.0] * 10 + [0.5] * 10 + [1.0] * 10 + [0.0] * 10)
check("up in two steps then down is two transitions", c["transitions"] == 2, f"{c['completed_at']}")

# The busiest window is found wherever it lies: 7 or 8 transitions packed into
# one second in the middle of otherwise calm frames.
values = [0.0] * 120 + square_wave(4, 0.0, 1.0, seconds=1) + [0.0] * 120
c = lum(values)
check("a burst of flashes mid-sequence is found", not c["safe"] and c["worst_window"][0] >= 120,
      f"{c['max_per_second']} in frames {c['worst_window']}")

# --- Through PNG frames and the command line ---------------------------------


def write_frames(directory, colours):
    os.makedirs(directory, exist_ok=True)
    for k, colour in enumerate(colours):
        Image.new("RGB", (32, 18), colour).save(os.path.join(directory, f"frame_{k:05d}.png"))


def run(directory, *extra):
    return subprocess.run([sys.executable, os.path.join(HERE, "flash_meter.py"), directory, *extra],
                          capture_output=True, text=True)


# The sRGB conversion: mid grey 128 has a relative luminance of 0.2159;
# pure red (255, 0, 0) has Y = 0.2126 and a red value of 320.
l, r, tiles_l, _ = fm.frame_measures(np.full((8, 8, 3), 128, dtype=np.uint8))
check("sRGB 128 grey has Y 0.2159", abs(l - 0.21586) < 1e-4 and r == 0 and np.allclose(tiles_l, l), f"{l:.5f}")
l, r, _, _ = fm.frame_measures(np.array([[[255, 0, 0]]], dtype=np.uint8))
check("pure red: Y 0.2126, red value 320", abs(l - 0.2126) < 1e-5 and abs(r - 320) < 1e-3, f"{l}, {r}")
l, r, _, _ = fm.frame_measures(np.array([[[255, 120, 120]]], dtype=np.uint8))
check("pink is not saturated red", r == 0, f"{r}")
half = np.zeros((8, 8, 3), dtype=np.uint8)
half[:, :4] = 255
l, _, tiles_l, _ = fm.frame_measures(half)
check("tiles see the half-white frame", abs(l - 0.5) < 1e-6 and tiles_l[0, 0] == 1.0 and tiles_l[0, 3] == 0.0)

with tempfile.TemporaryDirectory(prefix="flash-selftest-") as work:
    strobe = os.path.join(work, "strobe")
    write_frames(strobe, [(255, 255, 255) if (k // 2) % 2 else (0, 0, 0) for k in range(120)])
    p = run(strobe)
    check("PNG: a 15 Hz strobe exits 1 and says UNSAFE", p.returncode == 1 and "UNSAFE" in p.stdout,
          f"rc {p.returncode}")
    calm = os.path.join(work, "calm")
    write_frames(calm, [(255, 255, 255) if (k // 30) % 2 else (0, 0, 0) for k in range(120)])
    p = run(calm, "--json")
    import json  # noqa: E402
    ok = p.returncode == 0 and json.loads(p.stdout)["channels"]["luminance"]["max_per_second"] == 2
    check("PNG: a 1 Hz alternation exits 0 with 2 transitions in its worst second", ok, f"rc {p.returncode}")
    redstrobe = os.path.join(work, "red")
    # A dark saturated red (110, 0, 0): Y 0.033, under T, but a red value of 49.6, over it.
    write_frames(redstrobe, [(110, 0, 0) if (k // 6) % 2 else (0, 0, 0) for k in range(120)])
    p = run(redstrobe, "--json")
    verdict = json.loads(p.stdout) if p.returncode in (0, 1) else {}
    ok = p.returncode == 1 and not verdict["channels"]["red"]["safe"] and verdict["channels"]["luminance"]["safe"]
    check("PNG: a dark red at 5 Hz fails on red alone", ok, f"rc {p.returncode}")
    check("PNG: no frames is bad input (2)", run(os.path.join(work, "nothing")).returncode == 2)
    mixed = os.path.join(work, "mixed")
    write_frames(mixed, [(0, 0, 0)] * 3)
    Image.new("RGB", (16, 16)).save(os.path.join(mixed, "frame_00003.png"))
    check("PNG: frames of two sizes are bad input (2)", run(mixed).returncode == 2)
    with open(os.path.join(mixed, "frame_00004.png"), "w") as f:
        f.write("not a png")
    check("PNG: an unreadable frame is bad input (2)", run(mixed).returncode == 2)

print(f"{len(failures)} of the cases failed" if failures else "all cases pass")
sys.exit(1 if failures else 0)
