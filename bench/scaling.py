"""Scaling: time and peak memory as the work grows, one fresh process per size.

Each size runs `polar_bench --once` in its own process, which times one cold
run and reports goals executed (steps), the deepest stack reached and its
peak resident memory (VmHWM). The memory a size costs is its
peak minus the peak of a trivial query in the same program (the baseline:
code, libraries, the loaded policy). Dividing that by steps and by depth
shows which one memory follows: an engine that keeps memory proportional to
depth has a flat bytes/depth column and a falling bytes/step column.

  fib(n), n = 15..25: steps grow 1.6x per n, depth grows by 1.
  facts 10^3..10^6: loading grows the knowledge base; the lookup is 1 step.
  a list of length 10^2..10^6 built with range/2, then `1 in l` (the last
  element): steps and depth both grow linearly.
"""
import os

from peers import PROGRAMS, json_lines
from workloads import write_facts

FIB = [15, 17, 19, 21, 23, 25]
FACTS = [10**3, 10**4, 10**5, 10**6]
LISTS = [10**2, 10**3, 10**4, 10**5, 10**6]
QUICK_FIB, QUICK_FACTS, QUICK_LISTS = [15, 18, 21], [10**3, 10**4, 10**5], [10**2, 10**3, 10**4, 10**5]


def once(binary, name, query, files):
    try:
        return json_lines([binary, "--once", "--workload", name, query, PROGRAMS, *files])[0]
    except RuntimeError as e:
        return {"name": name, "error": str(e)}


def measure(binary, work, quick):
    """Rows: family, size, ms, steps, max_depth, peak_rss_kib, extra_kib (over the baseline)."""
    base = once(binary, "baseline", "chain0(_)", [])
    base_kib = base.get("peak_rss_kib", 0)
    out = []

    def add(family, size, query, files=(), base_of=base_kib):
        r = once(binary, f"{family}{size}", query, list(files))
        r.update(family=family, size=size)
        if "peak_rss_kib" in r:
            r["extra_kib"] = max(0.0, r["peak_rss_kib"] - base_of)
        out.append(r)

    for n in QUICK_FIB if quick else FIB:
        add("fib", n, f"fib({n}, _)")
    for count in QUICK_FACTS if quick else FACTS:
        polar, _ = write_facts(work, count)
        # The lookup of the last key; memory here is the knowledge base itself.
        add("facts", count, f"fact({count - 1}, _)", [polar])
    for length in QUICK_LISTS if quick else LISTS:
        add("list", length, f"in_range({length})")
    return base, out
