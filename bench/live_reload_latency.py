#!/usr/bin/env python3
"""live_reload_latency.py POLAR [SAVES] — how long from saving a policy to
hearing the new policy over OSC, under `polar live`.

Starts `POLAR live policy.polar -q 'f(x)' --every 1ms --osc 127.0.0.1:PORT
--osc-values` with this script's own UDP socket as the destination, then
SAVES times (default 50): writes `f(N);` with a new N, and timestamps (one
monotonic clock, this process's) the write and the first datagram that
proves the new policy runs:

  loaded  the first /polar/policy/loaded after the write (the message comes
          from the viewer-live branch; "absent" when the build lacks it)
  answer  the first /polar/result whose bindings hold the new N — the first
          query of the new policy that answered
  begin   the first /polar/query/begin after the loaded message, or (without
          it) the begin of the query that gave the new answer

Prints the median, min and max of each in milliseconds. The 50 ms debounce
of `polar live` is inside every figure: it is the floor. Saves are spaced
out (the next one waits for the previous answer plus 100 ms), so each is
measured alone.
"""
import os
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import time


def osc_string(data, offset):
    end = data.index(b"\0", offset)
    return data[offset:end].decode("utf-8", "replace"), (end + 4) & ~3


def messages(data):
    """(address, args) for each message in a datagram, bundles unpacked."""
    if data.startswith(b"#bundle\0"):
        offset = 16
        while offset + 4 <= len(data):
            (size,) = struct.unpack(">i", data[offset:offset + 4])
            yield from messages(data[offset + 4:offset + 4 + size])
            offset += 4 + size
        return
    address, offset = osc_string(data, 0)
    tags, offset = osc_string(data, offset)
    args = []
    for tag in tags[1:]:
        if tag in "if":
            args.append(struct.unpack(">" + tag, data[offset:offset + 4])[0])
            offset += 4
        elif tag == "s":
            text, offset = osc_string(data, offset)
            args.append(text)
        elif tag in "hd":
            offset += 8
    yield address, args


def median(values):
    ordered = sorted(values)
    return ordered[len(ordered) // 2] if ordered else float("nan")


def main():
    polar = sys.argv[1]
    saves = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 8 << 20)
    sock.bind(("127.0.0.1", 0))
    sock.settimeout(30)  # a hang guard only
    port = sock.getsockname()[1]
    work = tempfile.mkdtemp()
    policy = os.path.join(work, "policy.polar")
    with open(policy, "w") as f:
        f.write("f(0);\n")
    live = subprocess.Popen([polar, "live", policy, "-q", "f(x)", "--every", "1ms", "--quiet",
                             "--osc", "127.0.0.1:%d" % port, "--osc-values"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    figures = {"loaded": [], "answer": [], "begin": []}
    try:
        # Save only once the loop runs (its first query heard): a save
        # before the watcher exists would be read by the first load and
        # measure start-up, not a reload.
        while not any(address == "/polar/query/begin" for address, _ in messages(sock.recv(65536))):
            pass
        for i in range(1, saves + 1):
            value = 1000 + i
            # Drain what the previous policy sends, then save.
            sock.setblocking(False)
            try:
                while True:
                    sock.recv(65536)
            except BlockingIOError:
                pass
            sock.settimeout(30)
            written = time.monotonic()
            with open(policy, "w") as f:
                f.write("f(%d);\n" % value)
            loaded = begin_after_loaded = last_begin = None
            while True:
                data = sock.recv(65536)
                now = time.monotonic()
                for address, args in messages(data):
                    if address == "/polar/policy/loaded" and loaded is None:
                        loaded = now
                    elif address == "/polar/query/begin":
                        last_begin = now
                        if loaded is not None and begin_after_loaded is None:
                            begin_after_loaded = now
                    elif address == "/polar/result" and ("x: %d}" % value) in str(args[-1]):
                        figures["answer"].append((now - written) * 1e3)
                        if loaded is not None:
                            figures["loaded"].append((loaded - written) * 1e3)
                        begin = begin_after_loaded if begin_after_loaded else last_begin
                        figures["begin"].append((begin - written) * 1e3)
                        break
                else:
                    continue
                break
            time.sleep(0.1)
    finally:
        live.send_signal(signal.SIGINT)
        live.wait(timeout=30)
    if os.environ.get("LIVE_LATENCY_ALL"):
        print("answer, each save:", " ".join("%.1f" % v for v in figures["answer"]))
    print("polar live reload latency over %d saves (ms, write -> first OSC datagram):" % saves)
    for name, values in figures.items():
        if values:
            print("  %-7s median %6.1f  min %6.1f  max %6.1f" %
                  (name, median(values), min(values), max(values)))
        else:
            print("  %-7s absent (this build sends no /polar/policy/loaded)" % name)


if __name__ == "__main__":
    main()
