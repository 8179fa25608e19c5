#!/usr/bin/env python3
"""Runs the benchmarks side by side and prints ratios.

  bench/compare.py BUILD_DIR

1. The hooks: polar_bench (observer hooks compiled in, no observer attached)
   against polar_bench_nohooks (hooks compiled out), alternating the two
   builds over several rounds so machine noise hits both alike.
2. The reference: Oso 0.27.3 under Node on fib(15) and fib(20), the same
   policy text (bench/programs.polar), in process and warm.
Timings are medians; the ratios are what to read.
"""
import json
import os
import subprocess
import sys

ROUNDS = 5


def run_json(cmd, cwd):
    out = subprocess.run(cmd, cwd=cwd, check=True, capture_output=True, text=True).stdout
    return {row["name"]: row["median_ms"] for row in map(json.loads, out.splitlines())}


def main():
    build = sys.argv[1] if len(sys.argv) > 1 else "build"
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    hooks_bin = os.path.join(build, "bench", "polar_bench")
    plain_bin = os.path.join(build, "bench", "polar_bench_nohooks")
    programs = os.path.join(root, "bench", "programs.polar")

    print(f"== Observer hooks: compiled in (no observer) vs compiled out, best of {ROUNDS} rounds")
    best_hooks, best_plain = {}, {}
    for _ in range(ROUNDS):
        for binary, best in ((hooks_bin, best_hooks), (plain_bin, best_plain)):
            for name, ms in run_json([binary, "--repeats", "3", programs], root).items():
                best[name] = min(ms, best.get(name, ms))
    print(f"{'workload':24} {'hooks in ms':>12} {'hooks out ms':>13} {'ratio':>7}")
    for name in best_hooks:
        ratio = best_hooks[name] / best_plain[name]
        print(f"{name:24} {best_hooks[name]:12.3f} {best_plain[name]:13.3f} {ratio:7.3f}")

    oso_dir = os.path.join(root, "bench", "oso")
    if not os.path.isdir(os.path.join(oso_dir, "node_modules", "oso")):
        print("\n(Oso is not installed: cd bench/oso && npm install — skipping the reference rows)")
        return 0
    print("\n== Against Oso 0.27.3 (npm, Node), same policy, in process, warm")
    print(f"{'workload':24} {'Polar AV ms':>12} {'Oso ms':>10} {'Oso / Polar AV':>15}")
    for name, query in (("fib15", "fib(15, _)"), ("fib20", "fib(20, _)")):
        ours = best_hooks[name]
        try:
            oso = run_json(["node", os.path.join(oso_dir, "fib.js"), programs, name, query, "3"], root)[name]
        except subprocess.CalledProcessError as e:
            reason = (e.stderr or "").strip().splitlines()[:1]
            print(f"{name:24} {ours:12.3f} {'—':>10}   Oso cannot run it: {reason[0] if reason else 'failed'}")
            continue
        print(f"{name:24} {ours:12.3f} {oso:10.1f} {oso / ours:14.0f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
