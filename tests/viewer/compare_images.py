#!/usr/bin/env python3
"""compare_images.py ACTUAL EXPECTED [--differ FRACTION]

Without --differ: exit 0 when at most 0.5 % of the pixels differ by more
than 32 levels in a channel (anti-aliasing differs a little between GL
drivers; more is a real change), the rule of viewer_render_test's approved
images. With --differ F: exit 0 when MORE than F of the pixels differ that
much (two pictures that must not be the same). Prints the fraction.
"""
import sys

import numpy as np
from PIL import Image


def main(argv):
    if len(argv) < 3 or argv[1] in ("-h", "--help"):
        print(__doc__.strip())
        return 2
    a = np.asarray(Image.open(argv[1]).convert("RGB"), dtype=np.int16)
    b = np.asarray(Image.open(argv[2]).convert("RGB"), dtype=np.int16)
    if a.shape != b.shape:
        print(f"sizes differ: {a.shape} vs {b.shape}")
        return 1
    off = float((np.abs(a - b) > 32).any(axis=2).mean())
    print(f"{100 * off:.3f}% of pixels differ by more than 32 levels")
    if len(argv) >= 5 and argv[3] == "--differ":
        return 0 if off > float(argv[4]) else 1
    return 0 if off <= 0.005 else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
