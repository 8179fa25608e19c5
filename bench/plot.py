"""A log-log plot of the scaling results as a PNG, with no plotting library.

Two panels share the x axis (goals executed, or facts loaded for the fact
rows): the cold query's CPU time, and the memory above the baseline. One line per
family (fib, list, facts). A line parallel to the dotted diagonal grows in
proportion to the work; a flat line does not grow with it. The PNG is
written by hand (zlib + struct: the format is a signature, IHDR, one IDAT of
filtered scanlines, IEND) and labelled with a built-in 5x7 pixel font, so
`./run bench` needs no matplotlib or gnuplot.
"""
import math
import struct
import zlib

WIDTH, HEIGHT = 900, 420
PANEL_W, PANEL_H = 360, 300  # each panel's plotting area, in pixels
MARGIN_X, MARGIN_Y = 70, 50
COLOURS = {"fib": (31, 119, 180), "list": (214, 39, 40), "facts": (44, 160, 44)}
GREY, BLACK, WHITE = (200, 200, 200), (0, 0, 0), (255, 255, 255)

# 5x7 glyphs, one string of 7 rows of 5 bits per character used in labels.
FONT = {
    "0": "01110100011001110101110011000101110", "1": "00100011000010000100001000010001110",
    "2": "01110100010000100010001000100011111", "3": "11111000100010000010000011000101110",
    "4": "00010001100101010010111110001000010", "5": "11111100001111000001000011000101110",
    "6": "00110010001000011110100011000101110", "7": "11111000010001000100010000100001000",
    "8": "01110100011000101110100011000101110", "9": "01110100011000101111000010001001100",
    "e": "00000000000111010001111111000001110", "f": "00110010010100011100010000100001000",
    "i": "00100000000110000100001000010001110", "b": "10000100001011011001100011000111110",
    "l": "01100001000010000100001000010001110", "s": "00000000000111110000011100000111110",
    "t": "01000010001110001000010000100100110", "a": "00000000000111000001011111000101111",
    "c": "00000000000111010000100001000101110", "p": "00000000001111010001111101000010000",
    "m": "00000000001101010101101011000110001", "o": "00000000000111010001100011000101110",
    "r": "00000000001011011001100001000010000", "y": "00000000001000110001011110000101110",
    "n": "00000000001011011001100011000110001", "d": "00001000010110110011100011000101111",
    "M": "10001110111010110101100011000110001", "B": "11110100011000111110100011000111110",
    "v": "00000000001000110001100010101000100", "u": "00000000001000110001100011001101101", " ": "0" * 35, "(": "00010001000100001000010000010000010",
    ")": "01000001000001000010000100010001000", ",": "00000000000000000000011000010001000",
    "^": "00100010101000100000000000000000000", "-": "00000000000000011111000000000000000",
}


class Canvas:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.pixels = bytearray(bytes(WHITE) * (w * h))

    def dot(self, x, y, colour):
        if 0 <= x < self.w and 0 <= y < self.h:
            i = (y * self.w + x) * 3
            self.pixels[i:i + 3] = bytes(colour)

    def line(self, x0, y0, x1, y1, colour, dotted=False):
        steps = max(abs(x1 - x0), abs(y1 - y0), 1)
        for k in range(steps + 1):
            if dotted and (k // 4) % 2:
                continue
            x, y = round(x0 + (x1 - x0) * k / steps), round(y0 + (y1 - y0) * k / steps)
            for dx, dy in ((0, 0), (1, 0), (0, 1)):
                self.dot(x + dx, y + dy, colour)

    def text(self, x, y, s, colour=BLACK):
        for ch in s:
            glyph = FONT.get(ch, FONT[" "])
            for k, bit in enumerate(glyph):
                if bit == "1":
                    self.dot(x + k % 5, y + k // 5, colour)
            x += 6

    def png(self):
        raw = b"".join(b"\0" + bytes(self.pixels[y * self.w * 3:(y + 1) * self.w * 3]) for y in range(self.h))
        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        header = struct.pack(">IIBBBBB", self.w, self.h, 8, 2, 0, 0, 0)  # 8-bit RGB
        return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw, 9)) + \
            chunk(b"IEND", b"")


def decades(values):
    lo = math.floor(math.log10(min(values)))
    hi = math.ceil(math.log10(max(values)))
    return lo, max(hi, lo + 1)


def panel(c, left, series, ylabel):
    """series: {family: [(x, y)]}, drawn log-log in the panel whose left edge is `left`."""
    xs = [x for pts in series.values() for x, _ in pts]
    ys = [y for pts in series.values() for _, y in pts]
    if not xs:
        return
    (x0, x1), (y0, y1) = decades(xs), decades(ys)
    def px(x): return left + round((math.log10(x) - x0) / (x1 - x0) * PANEL_W)
    def py(y): return MARGIN_Y + PANEL_H - round((math.log10(y) - y0) / (y1 - y0) * PANEL_H)
    for d in range(x0, x1 + 1):
        c.line(px(10**d), MARGIN_Y, px(10**d), MARGIN_Y + PANEL_H, GREY)
        c.text(px(10**d) - 9, MARGIN_Y + PANEL_H + 6, f"1e{d}")
    for d in range(y0, y1 + 1):
        c.line(left, py(10**d), left + PANEL_W, py(10**d), GREY)
        c.text(left - 40, py(10**d) - 3, f"1e{d}")
    # The proportional-growth diagonal, through the lower left corner.
    span = min(x1 - x0, y1 - y0)
    c.line(px(10**x0), py(10**y0), px(10**(x0 + span)), py(10**(y0 + span)), BLACK, dotted=True)
    for family, pts in series.items():
        pts = sorted(pts)
        for (a, b), (p, q) in zip(pts, pts[1:]):
            c.line(px(a), py(b), px(p), py(q), COLOURS[family])
        for a, b in pts:
            for dx in range(-2, 3):
                for dy in range(-2, 3):
                    c.dot(px(a) + dx, py(b) + dy, COLOURS[family])
    c.text(left, MARGIN_Y - 16, ylabel)
    c.text(left + PANEL_W // 2 - 60, MARGIN_Y + PANEL_H + 20, "steps (facts for facts)")


def write(path, rows):
    """Plots the scaling rows (scaling.measure's output) into path; returns False if nothing to plot."""
    time, memory = {}, {}
    for r in rows:
        if "error" in r:
            continue
        x = r["size"] if r["family"] == "facts" else max(r["steps"], 1)
        time.setdefault(r["family"], []).append((x, max(r["cpu_ms"], 1e-3)))
        memory.setdefault(r["family"], []).append((x, max(r["extra_kib"] / 1024, 1e-2)))
    if not time:
        return False
    c = Canvas(WIDTH, HEIGHT)
    panel(c, MARGIN_X, time, "cpu time (ms)")
    panel(c, MARGIN_X * 2 + PANEL_W + 20, memory, "memory above baseline (MiB)")
    x = WIDTH - 150
    for k, (family, colour) in enumerate(COLOURS.items()):
        for dx in range(10):
            for dy in range(4):
                c.dot(x + dx, 12 + k * 12 + dy, colour)
        c.text(x + 16, 10 + k * 12, family)
    with open(path, "wb") as f:
        f.write(c.png())
    return True
