#!/usr/bin/env python3
"""flash_meter.py — counts the flashes in a sequence of frames, after WCAG 2.3.1.

  flash_meter.py DIR [--fps 60] [--json] [--csv FILE]

DIR holds frame_00000.png, frame_00001.png, ... as `polar-viewer --headless
--frames N --out DIR` writes them, one frame per 1/60 s of scene time.
Exit 0 safe, 1 unsafe (more than 3 flashes in some second), 2 bad input.

This is the independent judge of issue 14's "safe by default": it looks only
at the pixels, never at the viewer's code, so a limiter that is wrong fails
here. The viewer's own governor implements the same rule; the numbers below
are shared with it and must change together.

THE RULE (WCAG 2.3.1 "Three Flashes or Below Threshold", with its
understanding document's definitions of general and red flash; the Harding
/ ITU-R BT.1702 tests count the same way):

1. Per pixel, sRGB 8-bit to linear: c/255, then c <= 0.04045 ? c/12.92 :
   ((c + 0.055)/1.055)^2.4. Relative luminance Y = 0.2126 R + 0.7152 G +
   0.0722 B (linear; the sRGB / Rec. 709 weights WCAG uses).
2. Saturated red (WCAG 2.x): a pixel whose linear R/(R+G+B) >= 0.8 (with
   R+G+B > 0); its red value is max(0, (R - G - B) * 320), other pixels 0.
3. Per frame: L = mean Y over the whole frame, Rd = mean red value. The PASS
   RULE USES THESE WHOLE-FRAME MEANS. The same is computed on a 4 x 4 grid
   of tiles and the worst tile is reported as extra evidence only (WCAG's
   area criterion — a quarter of any 10-degree field, about a ninth of a
   screen — makes a flashing tile worth a look, but a flash that only one
   tile sees is not what this test fails on).
4. Transitions, for a sequence x_0..x_n with threshold T and hysteresis E:
   keep a run {direction (+1, -1 or 0), start = x_0, extreme = x_0,
   counted = false}. At each frame i with value v:
     - direction 0 and |v - start| >= E: direction = sign(v - start),
       extreme = v (the run has begun);
     - direction set and (v - extreme) * direction >= 0: extreme = v (the
       run goes on the same way);
     - direction set and |v - extreme| >= E: the run reverses: start =
       extreme, direction = -direction, extreme = v, counted = false;
     - otherwise nothing (a wiggle smaller than E).
   Then, if not counted and |extreme - start| >= T (and, for luminance
   only, min(start, extreme) < 0.8: WCAG's "the darker image is below
   0.80"), a transition is completed at frame i; counted = true.
   Luminance: T = 0.1 (WCAG: "10% or more of the maximum relative
   luminance", with luminance on 0..1), E = 0.005 (half a percent: below
   what the eye sees as a change, above the dither and anti-aliasing noise
   of a moving picture, so noise never reverses a run).
   Red: T = 20 (WCAG 2.x's red flash: "(R - G - B) * 320 changes by more
   than 20"), E = 1.6 (0.5% of the red value's 0..320 scale, as 0.005 is
   of luminance's 0..1).
   A slow ramp or a staircase of tiny steps is one transition: it is counted
   once its total change reaches T, however many frames it takes.
5. A flash is a pair of opposing transitions. UNSAFE when any window of
   --fps frames (1 s; [i, i+60) at 60 fps) holds more than 6 completed
   transitions in either channel (luminance and red counted separately),
   that is more than 3 flashes per second.

Reported per channel: the most transitions in any 1-s window and its frames,
the total, and the most flashes per second (transitions / 2).
"""
import argparse
import glob
import json
import os
import sys

try:
    import numpy as np
    from PIL import Image
except ImportError as missing:  # the test scripts skip (77) on this exit code
    print(f"flash_meter: {missing} (Debian: apt-get install python3-numpy python3-pil; "
          "run with /usr/bin/python3)", file=sys.stderr)
    sys.exit(77)

# Thresholds and hysteresis, per channel (the rule above says why each).
LUMINANCE = {"name": "luminance", "threshold": 0.1, "hysteresis": 0.005, "dark_below": 0.8}
RED = {"name": "red", "threshold": 20.0, "hysteresis": 1.6, "dark_below": None}
# WCAG 2.3.1: at most three flashes in any one-second period; a flash is two
# transitions, so 6 completed transitions in one second is the most allowed.
MAX_FLASHES_PER_SECOND = 3
MAX_TRANSITIONS_PER_SECOND = 2 * MAX_FLASHES_PER_SECOND
# Evidence grid: 4 x 4 tiles, each 1/16 of the frame. WCAG's area rule (25%
# of any 10-degree visual field) is, in its understanding document, a 341 x
# 256 rectangle of a 1024 x 768 screen — about 1/9 of it; a tile is a little
# smaller, so a tile that flashes is worth a look, not yet a failure.
TILES = 4
# The viewer writes one frame per 1/60 s of scene time (main.cpp's headless loop).
DEFAULT_FPS = 60
# WCAG's red ratio: a pixel is "saturated red" when red is 80% of R+G+B.
SATURATED_RED_RATIO = 0.8
# WCAG 2.x red flash scale: (R - G - B) * 320, on linear values.
RED_SCALE = 320.0


def _srgb_to_linear_table():
    c = np.arange(256, dtype=np.float64) / 255.0
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4).astype(np.float32)


LINEAR = _srgb_to_linear_table()


def tile_means(values, rows, cols):
    """Mean of `values` over each tile; rows, cols are the tiles' first indices."""
    sums = np.add.reduceat(np.add.reduceat(values, rows, axis=0, dtype=np.float64), cols, axis=1)
    heights = np.diff(rows + [values.shape[0]])
    widths = np.diff(cols + [values.shape[1]])
    return sums / np.outer(heights, widths)


def frame_measures(rgb):
    """(L, Rd, tile_L[TILES x TILES], tile_Rd[TILES x TILES]) of one H x W x 3 uint8 frame.
    In place and in float32 (the means are summed in float64): a 1280x720
    frame is 0.9 M pixels, and 600 of them must take seconds, not minutes."""
    r, g, b = LINEAR[rgb[..., 0]], LINEAR[rgb[..., 1]], LINEAR[rgb[..., 2]]
    y = r * np.float32(0.2126)
    y += g * np.float32(0.7152)
    y += b * np.float32(0.0722)
    # Saturated red: R / (R + G + B) >= 0.8, tested as R >= 0.8 (R + G + B)
    # (no division; black passes, 0 >= 0, with a red value of 0).
    others = g
    others += b
    saturated = r >= np.float32(SATURATED_RED_RATIO) * (r + others)
    red = r - others
    red *= RED_SCALE
    red *= saturated
    np.maximum(red, 0.0, out=red)
    h, w = y.shape
    mean_y, mean_red = float(y.mean(dtype=np.float64)), float(red.mean(dtype=np.float64))
    if h < TILES or w < TILES:  # too small to cut: every tile is the whole frame
        return mean_y, mean_red, np.full((TILES, TILES), mean_y), np.full((TILES, TILES), mean_red)
    rows = [h * k // TILES for k in range(TILES)]
    cols = [w * k // TILES for k in range(TILES)]
    return mean_y, mean_red, tile_means(y, rows, cols), tile_means(red, rows, cols)


def transitions(values, threshold, hysteresis, dark_below=None):
    """Frames at which a transition completes, by the rule in this file's header."""
    completed = []
    if len(values) == 0:
        return completed
    direction, start, extreme, counted = 0, values[0], values[0], False
    for i, v in enumerate(values):
        if direction == 0:
            if abs(v - start) >= hysteresis:
                direction = 1 if v > start else -1
                extreme = v
        elif (v - extreme) * direction >= 0:
            extreme = v
        elif abs(v - extreme) >= hysteresis:
            start, direction, extreme, counted = extreme, -direction, v, False
        if direction != 0 and not counted and abs(extreme - start) >= threshold \
                and (dark_below is None or min(start, extreme) < dark_below):
            completed.append(i)
            counted = True
    return completed


def worst_window(completed, fps):
    """(most transitions in any window [i, i+fps), first frame of that window).
    The busiest window can always start on a completed transition."""
    best, at, lo = 0, 0, 0
    for hi, frame in enumerate(completed):
        while completed[lo] <= frame - fps:
            lo += 1
        if hi - lo + 1 > best:
            best, at = hi - lo + 1, completed[lo]
    return best, at


def judge(values, channel, fps):
    completed = transitions(values, channel["threshold"], channel["hysteresis"], channel["dark_below"])
    most, at = worst_window(completed, fps)
    # Per whole second from frame 0: a readable profile (the verdict uses every window).
    seconds = [0] * ((len(values) + fps - 1) // fps)
    for frame in completed:
        seconds[frame // fps] += 1
    return {"transitions": len(completed), "max_per_second": most, "by_second": seconds,
            "max_flashes_per_second": most / 2, "worst_window": [at, at + fps - 1] if most else None,
            "completed_at": completed, "safe": most <= MAX_TRANSITIONS_PER_SECOND}


def measure_series(lum, red, fps=DEFAULT_FPS):
    """The verdict on per-frame whole-frame means (used by the self-test too)."""
    channels = {"luminance": judge(lum, LUMINANCE, fps), "red": judge(red, RED, fps)}
    return {"safe": all(c["safe"] for c in channels.values()), "channels": channels}


def load_frames(directory):
    paths = sorted(glob.glob(os.path.join(directory, "frame_*.png")))
    if not paths:
        raise ValueError(f"no frame_*.png in {directory}")
    return paths


def measure_directory(directory, fps):
    paths = load_frames(directory)
    lum, red, tiles_y, tiles_red, size = [], [], [], [], None
    for path in paths:
        try:
            with Image.open(path) as image:
                rgb = np.asarray(image.convert("RGB"))
        except OSError as e:
            raise ValueError(f"cannot read {path}: {e}") from e
        if size is None:
            size = rgb.shape[1], rgb.shape[0]
        elif size != (rgb.shape[1], rgb.shape[0]):
            raise ValueError(f"{path} is {rgb.shape[1]}x{rgb.shape[0]}, the first frame {size[0]}x{size[1]}")
        l, r, ty, tr = frame_measures(rgb)
        lum.append(l)
        red.append(r)
        tiles_y.append(ty)
        tiles_red.append(tr)
    result = measure_series(lum, red, fps)
    result.update({"frames": len(paths), "width": size[0], "height": size[1], "fps": fps,
                   "directory": directory, "luminance_per_frame": lum, "red_per_frame": red})
    # Evidence only: the busiest tile of each channel.
    ty, tr = np.array(tiles_y), np.array(tiles_red)
    tiles = {}
    for name, stack, channel in (("luminance", ty, LUMINANCE), ("red", tr, RED)):
        worst = None
        for i in range(TILES):
            for j in range(TILES):
                verdict = judge(stack[:, i, j].tolist(), channel, fps)
                if worst is None or verdict["max_per_second"] > worst["max_per_second"]:
                    worst = {"tile": [i, j], **{k: verdict[k] for k in
                                                ("transitions", "max_per_second", "max_flashes_per_second",
                                                 "worst_window")}}
        tiles[name] = worst
    result["worst_tile"] = tiles
    return result


def describe(result):
    lines = [f"flash_meter: {result['frames']} frames ({result['width']}x{result['height']}) of "
             f"{result['directory']}, {result['fps']} frames/s"]
    for name, c in result["channels"].items():
        window = f" (frames {c['worst_window'][0]}..{c['worst_window'][1]})" if c["worst_window"] else ""
        lines.append(f"  {name:9} {c['transitions']:4} transitions, at most {c['max_per_second']} in one second"
                     f"{window} = {c['max_flashes_per_second']:.1f} flashes/s: "
                     f"{'ok' if c['safe'] else 'TOO MANY'}")
        lines.append(f"            by second from frame 0: {' '.join(map(str, c['by_second']))}")
    for name, t in result["worst_tile"].items():
        lines.append(f"  worst tile ({name}, evidence only): row {t['tile'][0]} column {t['tile'][1]}, "
                     f"{t['transitions']} transitions, at most {t['max_per_second']} in one second "
                     f"= {t['max_flashes_per_second']:.1f} flashes/s")
    lum = result["luminance_per_frame"]
    lines.append(f"  mean luminance per frame: min {min(lum):.3f}, max {max(lum):.3f}; "
                 f"mean red per frame: max {max(result['red_per_frame']):.2f}")
    lines.append(("SAFE" if result["safe"] else "UNSAFE") +
                 f": the limit is {MAX_FLASHES_PER_SECOND} flashes ({MAX_TRANSITIONS_PER_SECOND} transitions) "
                 "in any second, whole-frame mean luminance and red counted separately")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", help="frames frame_NNNNN.png, one per 1/FPS s")
    parser.add_argument("--fps", type=int, default=DEFAULT_FPS, help="frames per second of scene time (60)")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--csv", metavar="FILE", help="also write frame, luminance, red per frame")
    try:
        args = parser.parse_args(argv)
    except SystemExit as e:
        return 2 if e.code else 0
    if args.fps < 1:
        print("flash_meter: --fps must be at least 1", file=sys.stderr)
        return 2
    try:
        result = measure_directory(args.directory, args.fps)
    except ValueError as e:
        print(f"flash_meter: {e}", file=sys.stderr)
        return 2
    if args.csv:
        with open(args.csv, "w") as f:
            f.write("frame,luminance,red\n")
            for k, (l, r) in enumerate(zip(result["luminance_per_frame"], result["red_per_frame"])):
                f.write(f"{k},{l:.6f},{r:.4f}\n")
    print(json.dumps(result) if args.json else describe(result))
    return 0 if result["safe"] else 1


if __name__ == "__main__":
    sys.exit(main())
