#!/usr/bin/env python3
"""Runs the benchmarks side by side and prints ratios.

  bench/compare.py BUILD_DIR

1. The hooks: polar_bench (observer hooks compiled in, no observer attached)
   against polar_bench_nohooks (hooks compiled out), alternating the two
   builds over several rounds so machine noise hits both alike.
2. OSC: polar_osc_bench — events/s from the VM to a loopback listener
   (delivered vs dropped, bundling on and off), the VM's slowdown with a
   real-time broadcaster on the GitHub example, and loopback latency.
3. The reference: Oso 0.27.3 under Node on fib(15) and fib(20), the same
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


def print_osc(binary, root):
    out = subprocess.run([binary], cwd=root, check=True, capture_output=True, text=True).stdout
    rows = {row["name"]: row for row in map(json.loads, out.splitlines())}
    print("\n== OSC broadcasting (bench/osc_bench.cpp), loopback, real-time mode")
    print(f"{'stream':28} {'captured/s':>11} {'delivered/s':>12} {'dropped':>9} {'of':>10}")
    for name in ("throughput_vm_bundled", "throughput_vm_unbundled",
                 "throughput_sender_bundled", "throughput_sender_unbundled"):
        r = rows[name]
        print(f"{name:28} {r['captured_per_s']:11.0f} {r['delivered_per_s']:12.0f} "
              f"{r['dropped']:9d} {r['captured']:10d}")
    s = rows["slowdown_github"]
    print(f"VM slowdown, GitHub example ({s['checks']} checks, {s['no_observer_s']:.3f} s alone): "
          f"{s['ratio_listener']:.3f}x with a listener, {s['ratio_nobody']:.3f}x with nobody listening "
          f"(medians {s['median_ratio_listener']:.3f}x, {s['median_ratio_nobody']:.3f}x)")
    t, v = rows["latency_trickle"], rows["throughput_vm_bundled"]
    print(f"latency (arrival - timetag): trickle median {t['p50_us']:.0f} us, p99 {t['p99_us']:.0f} us; "
          f"under full VM load median {v['late_p50_us']:.0f} us, p99 {v['late_p99_us']:.0f} us")
    h = rows["hook_cost"]
    print(f"hook call: median {h['p50_ns']:.0f} ns, p99.9 {h['p999_ns']:.0f} ns, max {h['max_ns']:.0f} ns "
          f"(includes two clock reads; the tail is the OS)")


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

    osc_bin = os.path.join(build, "bench", "polar_osc_bench")
    if os.path.exists(osc_bin):
        print_osc(osc_bin, root)

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
