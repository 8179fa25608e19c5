#!/usr/bin/env python3
"""tempo_sound_test.py VIEWER — /viewer/tempo reaches the built-in sound.

Two recordings of the same busy search (a depth change every 10 ms for 6 s,
so every 16th-note grid point has something to play): the second also holds
`/viewer/tempo f 60` at 3 s. polar-viewer renders both to WAV (sound only:
`--headless --replay R --sound-out W`, the recording's own time, no display).
Notes are counted in seconds 4 to 6 as rises of the envelope (5 ms RMS)
through a third of its peak: at 120 bpm a 16th is 125 ms (16 notes in 2 s),
at 60 bpm 250 ms (8). Pass: the slowed run plays at most 0.7 times as many
notes there, and the same number (within 2) before 3 s.
"""
import os
import subprocess
import sys
import tempfile
import wave

try:
    import numpy as np
except ImportError:
    print("SKIP: python3-numpy missing")
    sys.exit(77)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_recording import message  # noqa: E402


def write(path, tempo_change):
    with open(path, "w") as out:
        out.write("# polar-osc recording v1\n")
        out.write(f"0.000000 {message('/polar/query/begin', 1, 'q').hex()}\n")
        for k in range(600):
            t = 0.01 * k
            if tempo_change and abs(t - 3.0) < 1e-9:
                out.write(f"{t:.6f} {message('/viewer/tempo', 60.0).hex()}\n")
            out.write(f"{t:.6f} {message('/polar/depth', 1 + k % 4, 0.1).hex()}\n")


def onsets(path, start, end):
    with wave.open(path) as w:
        rate, frames = w.getframerate(), w.readframes(w.getnframes())
    samples = np.frombuffer(frames, dtype=np.int16).reshape(-1, 2).astype(float).mean(axis=1)
    window = int(rate * 0.005)
    usable = len(samples) // window * window
    envelope = np.sqrt((samples[:usable].reshape(-1, window) ** 2).mean(axis=1))
    part = envelope[int(start / 0.005):int(end / 0.005)]
    threshold = part.max() / 3
    above = part > threshold
    return int(np.count_nonzero(above[1:] & ~above[:-1]))


def main():
    viewer = sys.argv[1]
    with tempfile.TemporaryDirectory() as work:
        counts = {}
        for name, change in (("steady", False), ("slowed", True)):
            rec, wav = os.path.join(work, name + ".rec"), os.path.join(work, name + ".wav")
            write(rec, change)
            subprocess.run([viewer, "--headless", "--replay", rec, "--sound-out", wav, "--oscquery-port", "0"],
                           check=True, stdout=subprocess.DEVNULL)
            counts[name] = (onsets(wav, 0.5, 2.9), onsets(wav, 4.0, 6.0))
        print(f"notes 0.5-2.9 s and 4-6 s: steady {counts['steady']}, slowed at 3 s to 60 bpm {counts['slowed']}")
        before_ok = abs(counts["steady"][0] - counts["slowed"][0]) <= 2
        after_ok = counts["slowed"][1] <= 0.7 * counts["steady"][1] and counts["steady"][1] >= 10
        print("ok" if before_ok and after_ok else "FAIL: the tempo did not reach the sound")
        return 0 if before_ok and after_ok else 1


if __name__ == "__main__":
    sys.exit(main())
