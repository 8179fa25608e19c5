"""Runs one row of the peer table on Polar AV, SWI-Prolog and Oso.

In process (warm): each peer's own runner (polar_bench, swi/run.pl,
oso/run.js) loads the program, runs the workload once, then times up to
`repeats` runs within a budget and reports medians of wall and process CPU
time. Whole runs: a fresh process per run (the `polar` CLI, `swipl -g`,
`node oso/run.js` with no repeats), timed from here: wall time, and the CPU
time of the child from getrusage(RUSAGE_CHILDREN), startup and loading
included. Every child is bounded by a timeout; a peer that fails or gives up
yields {"error": ...} instead of times, and the report says so.
"""
import json
import os
import resource
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROGRAMS = os.path.join(ROOT, "bench", "programs.polar")
SWI_DIR = os.path.join(ROOT, "bench", "swi")
OSO_DIR = os.path.join(ROOT, "bench", "oso")
# Oso's slowest row (fib(20)) takes about 30 s per run on a busy 2-core
# machine and is run twice in process (warm-up, one timed run); 300 s leaves
# room without letting a hung child stall the whole benchmark.
TIMEOUT_S = 300
# A whole run that finishes in under this is repeated (median of 3);
# slower ones run once, to keep `./run bench` within about ten minutes.
QUICK_WHOLE_RUN_S = 2.0


class PeerFailure(RuntimeError):
    """A child that failed after running for a while: the time it took is part of the result."""
    def __init__(self, message, wall_ms, cpu_ms):
        super().__init__(message)
        self.wall_ms, self.cpu_ms = wall_ms, cpu_ms


def json_lines(cmd, timeout=TIMEOUT_S, env=None):
    """Runs cmd, returns its stdout's JSON lines, or raises RuntimeError with the reason."""
    try:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=timeout, env=env)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"killed after {timeout} s") from None
    if done.returncode != 0:
        lines = (done.stderr or done.stdout or "").strip().splitlines()
        raise RuntimeError(f"exit {done.returncode}: {lines[-1] if lines else 'no output'}")
    return [json.loads(line) for line in done.stdout.splitlines() if line.startswith("{")]


def timed_process(cmd, timeout=TIMEOUT_S):
    """(wall ms, CPU ms) of one run of cmd; raises RuntimeError when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                              text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        raise RuntimeError(f"killed after {timeout} s") from None
    wall = (time.perf_counter() - start) * 1e3
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime) * 1e3
    if done.returncode != 0:
        lines = (done.stderr or "").strip().splitlines()
        raise PeerFailure(f"{lines[-1] if lines else 'no output'} (exit {done.returncode})", wall, cpu)
    return wall, cpu


def whole_run(cmd):
    """Median wall and CPU ms over 1 or 3 fresh processes."""
    runs = [timed_process(cmd)]
    if runs[0][0] < QUICK_WHOLE_RUN_S * 1e3:
        runs += [timed_process(cmd), timed_process(cmd)]
    walls = sorted(r[0] for r in runs)
    cpus = sorted(r[1] for r in runs)
    return {"ms": walls[len(walls) // 2], "cpu_ms": cpus[len(cpus) // 2], "runs": len(runs)}


def guarded(measure):
    try:
        return measure()
    except PeerFailure as e:
        return {"error": str(e), "failed_after_ms": e.wall_ms, "failed_after_cpu_ms": e.cpu_ms}
    except RuntimeError as e:
        return {"error": str(e)}


def polar_args(row):
    if row.polar.startswith("list:"):
        return ["--list-workload", row.name, row.polar[5:]]
    return ["--workload", row.name, row.polar]


def polar_in_process(binary, row, facts, repeats, budget_ms):
    files = [PROGRAMS] + ([facts["polar"]] if row.facts else [])
    cmd = [binary, "--repeats", str(repeats), "--budget-ms", str(budget_ms), *polar_args(row), *files]
    return guarded(lambda: json_lines(cmd)[0])


def polar_whole(cli, row, facts):
    files = [PROGRAMS] + ([facts["polar"]] if row.facts else [])
    query = row.polar_whole or row.polar
    return guarded(lambda: whole_run([cli, "query", *files, "-q", query, "--limit", "1"]))


def swipl(optimise):
    """SWI-Prolog at its best settings (-O: arithmetic compiled inline), or as it starts."""
    return ["swipl", "-O"] if optimise else ["swipl"]


def swi_in_process(row, facts, repeats, budget_ms, optimise=True):
    files = [facts["prolog"]] if row.facts else []
    cmd = [*swipl(optimise), "-q", os.path.join(SWI_DIR, "run.pl"), row.name, row.prolog_setup, row.prolog,
           str(repeats), str(budget_ms), *files]
    return guarded(lambda: json_lines(cmd)[0])


def swi_whole(row, facts, optimise=True):
    files = [facts["prolog"]] if row.facts else []
    goal = row.prolog if row.prolog_setup == "true" else row.polar_whole
    cmd = [*swipl(optimise), "-q", "-g", f"once(({goal}))", "-t", "halt",
           os.path.join(SWI_DIR, "programs.pl"), *files]
    return guarded(lambda: whole_run(cmd))


# Instructions of one warm run (callgrind's Ir): the process run with
# REPEATS=2 less the same with REPEATS=1 — startup, loading and the warm-up
# run cancel out, on both peers alike. Times on a shared machine vary;
# instruction counts do not, so the report shows them beside the times.
def callgrind_ir(cmd):
    done = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *cmd], cwd=ROOT,
                          capture_output=True, text=True, timeout=TIMEOUT_S * 4)
    if done.returncode != 0:
        raise RuntimeError(f"callgrind: exit {done.returncode}")
    for line in done.stderr.splitlines():
        if "Collected :" in line:
            return int(line.split(":")[-1])
    raise RuntimeError("callgrind: no count")


def one_run_ir(command_for):
    """command_for(repeats) -> argv; the instructions of one warm run."""
    try:
        return {"ir": callgrind_ir(command_for(2)) - callgrind_ir(command_for(1))}
    except (RuntimeError, subprocess.SubprocessError, OSError) as e:
        return {"error": str(e)}


def polar_ir(binary, row, facts):
    files = [PROGRAMS] + ([facts["polar"]] if row.facts else [])
    return one_run_ir(lambda n: [binary, "--repeats", str(n), "--budget-ms", "1e12", *polar_args(row), *files])


def swi_ir(row, facts):
    files = [facts["prolog"]] if row.facts else []
    return one_run_ir(lambda n: [*swipl(True), "-q", os.path.join(SWI_DIR, "run.pl"), row.name, row.prolog_setup,
                                 row.prolog, str(n), "1000000000000", *files])


def oso_query(row):
    return row.oso or row.polar


def scaled(result, scale):
    """Multiplies an Oso result measured on a 1/scale instance back up."""
    if "error" in result or scale == 1:
        return result
    out = dict(result, extrapolated=scale)
    for key in ("median_ms", "median_cpu_ms", "ms", "cpu_ms"):
        if key in out:
            out[key] *= scale
    return out


def oso_in_process(row, facts, repeats, budget_ms):
    files = [facts["polar"]] if row.facts else []
    cmd = ["node", os.path.join(OSO_DIR, "run.js"), row.name, oso_query(row), str(repeats), str(budget_ms), *files]
    result = guarded(lambda: json_lines(cmd)[0])
    return scaled(result, row.oso_scale)


def oso_whole(row, facts, warm):
    """A whole Oso run; on a scaled row, startup + load + scale x the small instance's warm time."""
    files = [facts["polar"]] if row.facts else []
    cmd = ["node", os.path.join(OSO_DIR, "run.js"), row.name, oso_query(row), "0", "0", *files]
    result = guarded(lambda: whole_run(cmd))
    if "error" in result or row.oso_scale == 1 or "error" in warm:
        return result
    extra = (row.oso_scale - 1) / row.oso_scale
    return dict(result, extrapolated=row.oso_scale,
                ms=result["ms"] + warm["median_ms"] * extra,
                cpu_ms=result["cpu_ms"] + warm["median_cpu_ms"] * extra)


# The GitHub example's isAllowed: the same data set and checks on both sides
# (polar-github --json-dump/--sample-out feeds oso/github.js).
def github_polar(binary, args, checks, measure_call="allowed"):
    """Per-call median/p99 (µs) from polar-github's own summary, warm; measure_call is
    `allowed` (isAllowed) or `actions` (authorizedActions)."""
    def measure():
        done = subprocess.run([binary, *args, "--checks", str(checks), "--measure", measure_call], cwd=ROOT,
                              capture_output=True, text=True, timeout=TIMEOUT_S, check=True)
        fields = dict(line.split(None, 1) for line in done.stdout.splitlines() if line.strip())
        return {"median_us": float(fields["median"].split()[0]), "p99_us": float(fields["p99"].split()[0]),
                "checks_per_s": float(fields["checks/s"]), "checks": int(fields["checks"])}
    try:
        return measure()
    except (subprocess.SubprocessError, KeyError, ValueError) as e:
        return {"error": f"polar-github: {e}"}


def github_data(binary, args, work, sample):
    data, checks = os.path.join(work, "github-data.json"), os.path.join(work, "github-checks.json")
    subprocess.run([binary, *args, "--json-dump", data, "--sample", str(sample), "--sample-out", checks],
                   cwd=ROOT, check=True, capture_output=True, timeout=TIMEOUT_S)
    return data, checks


def github_oso(data, checks, budget_ms, mode="allowed"):
    policy = os.path.join(ROOT, "examples", "github", "github.polar")
    cmd = ["node", os.path.join(OSO_DIR, "github.js"), data, checks, policy, "50", str(budget_ms), mode]
    return guarded(lambda: json_lines(cmd)[0])


def github_whole(polar_binary, args, data, checks, sample):
    """Cold processes deciding the same `sample` checks."""
    policy = os.path.join(ROOT, "examples", "github", "github.polar")
    return (guarded(lambda: whole_run([polar_binary, *args, "--checks", str(sample)])),
            guarded(lambda: whole_run(["node", os.path.join(OSO_DIR, "github.js"), data, checks, policy,
                                       "0", "1e12"])))
