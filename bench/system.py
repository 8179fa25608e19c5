"""The machine, the OSC path and the viewer, for the report.

machine(): what the numbers were measured on (CPU, cores, RAM, kernel,
compiler, Node/Oso/SWI versions, load average at the start).
osc(): polar_osc_bench's JSON lines (bench/osc_bench.cpp explains them).
viewer_fps(): polar-viewer's frame rate under Xvfb, idle and under an event
flood from polar-github --forever --osc (real-time, bundled), read from
its --report-seconds line. Every child is bounded and killed at the end.
"""
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import time

from peers import OSO_DIR, ROOT, TIMEOUT_S, json_lines


def first_line(cmd):
    try:
        out = subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout
        return out.strip().splitlines()[0] if out.strip() else "?"
    except (OSError, subprocess.SubprocessError):
        return "not found"


def machine(build):
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem_kib = int(f.readline().split()[1])
    cache = os.path.join(build, "CMakeCache.txt")
    compiler, build_type = "?", "?"
    if os.path.exists(cache):
        text = open(cache).read()
        m = re.search(r"CMAKE_CXX_COMPILER:\w+=(.*)", text)
        compiler = first_line([m.group(1), "--version"]) if m else "?"
        m = re.search(r"CMAKE_BUILD_TYPE:\w+=(.*)", text)
        build_type = m.group(1) if m else "?"
    try:
        oso = json.load(open(os.path.join(OSO_DIR, "node_modules", "oso", "package.json")))["version"]
    except OSError:
        oso = "not installed"
    return {"cpu": cpu, "cores": os.cpu_count(), "ram_gib": mem_kib / 2**20, "kernel": platform.release(),
            "compiler": compiler, "build_type": build_type, "node": first_line(["node", "--version"]),
            "oso": oso, "swi": first_line(["swipl", "--version"]), "load": os.getloadavg()}


def osc(binary, quick):
    args = ["--checks", "20000", "--rounds", "2"] if quick else []
    try:
        out = subprocess.run([binary, *args], cwd=ROOT, capture_output=True, text=True,
                             timeout=TIMEOUT_S, check=True).stdout
    except subprocess.SubprocessError as e:
        return {"error": str(e)}
    return {row["name"]: row for row in map(json.loads, out.splitlines())}


def free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def stop(process):
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


def viewer_fps(viewer, github, seconds, flood):
    """{"fps", "events_per_s"} of one polar-viewer window under Xvfb, or {"error"}."""
    if not shutil.which("xvfb-run"):
        return {"error": "xvfb-run is not installed"}
    port = free_udp_port()
    # Its own process group, so stop() also ends xvfb-run's X server.
    shown = subprocess.Popen(["xvfb-run", "-a", viewer, "--port", str(port), "--report-seconds", str(seconds)],
                             cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                             start_new_session=True)
    sender = None
    try:
        if flood:
            time.sleep(2)  # Xvfb and the window come up first, as a flood into nothing measures nothing
            sender = subprocess.Popen([github, "--forever", "--osc", f"127.0.0.1:{port}"], cwd=ROOT,
                                      stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        out, _ = shown.communicate(timeout=seconds + 60)
    except subprocess.TimeoutExpired:
        return {"error": "polar-viewer did not report in time"}
    finally:
        stop(shown)
        if sender:
            stop(sender)
    m = re.search(r"(\d+) frames in ([\d.]+) s = ([\d.]+) fps; (\d+) events = ([\d.e+]+) events/s", out)
    if not m:
        last = out.strip().splitlines()[-1] if out.strip() else "no output"
        return {"error": f"no report from polar-viewer: {last}"}
    return {"fps": float(m.group(3)), "events_per_s": float(m.group(5)), "frames": int(m.group(1))}


def hooks(instrumented, plain, workload_args, files, rounds):
    """Best-of-rounds CPU medians of the same workloads with the hooks compiled in and out,
    alternating the two builds so machine noise hits both alike."""
    best = {"in": {}, "out": {}}
    for _ in range(rounds):
        for key, binary in (("in", instrumented), ("out", plain)):
            try:
                rows = json_lines([binary, "--repeats", "3", *workload_args, *files])
            except RuntimeError as e:
                return {"error": str(e)}
            for row in rows:
                old = best[key].get(row["name"], row["median_cpu_ms"])
                best[key][row["name"]] = min(old, row["median_cpu_ms"])
    return best
