#!/usr/bin/env python3
"""make_flood.py — writes the flash test's worst case as a `polar-osc` recording.

  make_flood.py OUT [--rate 100000] [--flood-seconds 7] [--paced-seconds 3]
                    [--pace-ms 20] [--seed 14]

Generated at test time (deterministically: same arguments, same bytes), so no
megabytes of recording are checked in. The stream follows the address space
1.2 of osc/README.md, in the engine's order (a rule before the depth of the
body it enters; a backtrack is `/polar/depth N` then `/polar/backtrack N`; a
result comes at depth 0; an error is `/polar/error`, `/polar/depth 0`,
`/polar/query/end`), so the viewer sees what a real VM would send — only
more of the things that make a picture flash:

The flood lasts FLOOD seconds at RATE events/s on average (100,000: the
order of a real-time broadcaster on a small policy, and the rate the "Goals"
benchmark of issue 14 names); queries begin and end all the time, each
climbing from depth 0 to 12 and falling back, with a branch after nearly
every rule (the background hue moves on every branch). It has three parts,
because a viewer flashes differently at different rhythms (of 7 s: 2, 2, 3):

A. Steady flood: queries of three lengths — short (~75 events: hundreds of
   0-12-0 swings a second, several per frame), medium (~1,000-5,000 events,
   about one swing per frame) and long (~10,000-30,000 events, 3-10 swings
   a second) — with backtracks (several levels at a time) and results.
B. The same mean rate in 8 bursts a second, each a quarter of its period:
   a server answering requests. A backtrack flash that decays between
   bursts is 8 flashes a second.
C. One query ending in /polar/error (the red error screen, once: "now and
   then"), then queries that branch after every rule and never backtrack:
   the hue strobe alone, with no backtrack flash over it.
D. Then the paced case, PACED seconds of one event every PACE ms (20 ms:
   `--osc-pace 20ms`, where issue 14 counted 7 full-screen flashes a
   second): queries that backtrack every 5 to 8 events, 6 to 10 times a
   second at this pace.

Datagrams are OSC bundles of at most 1,400 bytes (the broadcaster's limit,
osc/README.md "Timing") with the timetag "immediately": replay follows the
recording's arrival times, and a live viewer draws them on arrival. The
recording format is osc/receiver/include/polar/osc/recording.hpp's: a
header line, then "SECONDS.MICROS HEX" per datagram.
"""
import argparse
import random
import struct
import sys

HEADER = "# polar-osc recording v1"
# osc/README.md: bundles of at most 1,400 bytes (under a 1,500-byte MTU with IPv6 headers).
MAX_DATAGRAM = 1400
# OSC's timetag 1: "immediately".
IMMEDIATELY = struct.pack(">Q", 1)
BUNDLE_HEAD = b"#bundle\0" + IMMEDIATELY
# The deepest level a flood query reaches: 0 <-> 12 is the swing issue 14's
# brief asks for, deep enough that the innermost squares are small.
MAX_DEPTH = 12
# Part B's bursts a second: 8 backtrack flashes a second is well above the 3
# allowed and well below the frame rate, so each one shows on its own.
BURSTS_PER_SECOND = 8
# A bundle holds what happened within a millisecond at most, so a burst's
# bundles arrive as it unfolds rather than all at its start.
BUNDLE_SPAN = 0.001
RULES = ["allow", "has_role", "has_permission", "member_of", "parent_org", "can_read", "owns"]


def osc_string(text):
    """NUL-terminated, padded to a multiple of 4 bytes (1 to 4 NULs)."""
    data = text.encode()
    return data + b"\0" * (4 - len(data) % 4)


def bundle(*messages):
    return BUNDLE_HEAD + b"".join(struct.pack(">i", len(x)) + x for x in messages)


def message(address, tags, *args):
    out = [osc_string(address), osc_string("," + tags)]
    for tag, arg in zip(tags, args):
        out.append(struct.pack(">i", arg) if tag == "i" else struct.pack(">f", arg) if tag == "f"
                   else osc_string(arg))
    return b"".join(out)


class Messages:
    """The address space 1.2, with the repeated messages built once."""

    def __init__(self):
        self._depth = [message("/polar/depth", "if", d, d / 32) for d in range(MAX_DEPTH + 1)]
        self._backtrack = [message("/polar/backtrack", "i", d) for d in range(MAX_DEPTH + 1)]
        self._branch = {(d, a): message("/polar/branch", "iif", d, a, min(1.0, a / 16))
                        for d in range(MAX_DEPTH + 1) for a in range(2, 7)}
        self._rule = {(r, d): message("/polar/rule", "siii", r, 2, d, 3)
                      for r in RULES for d in range(MAX_DEPTH + 1)}

    def depth(self, d):
        return self._depth[d]

    def backtrack(self, d):
        return self._backtrack[d]

    def branch(self, d, alternatives):
        return self._branch[(d, alternatives)]

    def rule(self, name, caller_depth):
        return self._rule[(name, caller_depth)]


def query(rng, m, qid, backtracks, failed=False, branch_every=0.9, shallow=False):
    """One query's messages: begin, climb to MAX_DEPTH, `backtracks` times
    drop back and climb again, then a result (or an error) and the end.
    `shallow` backtracks drop one or two levels and climb one or two: a
    search trying facts one after the other, a backtrack every few events."""
    out = [message("/polar/query/begin", "is", qid, "allow")]
    depth = 0

    def climb(to):
        nonlocal depth
        while depth < to:
            out.append(m.rule(rng.choice(RULES), depth))
            depth += 1
            out.append(m.depth(depth))
            if rng.random() < branch_every:
                out.append(m.branch(depth, rng.randint(2, 6)))

    climb(MAX_DEPTH)
    results = 0
    for _ in range(backtracks):
        if rng.random() < 0.1:
            # A result: the depth falls one level per message to 0, then the
            # next answer resumes at a choice point (osc/README.md).
            while depth > 0:
                depth -= 1
                out.append(m.depth(depth))
            results += 1
            out.append(message("/polar/result", "ii", qid, results))
        to = max(0, depth - rng.randint(1, 2)) if shallow else rng.randint(0, MAX_DEPTH - 1)
        if to != depth:
            out.append(m.depth(to))
        depth = to
        out.append(m.backtrack(to))
        climb(min(MAX_DEPTH, to + rng.randint(1, 2)) if shallow else rng.randint(max(1, to), MAX_DEPTH))
    if failed:
        out.append(message("/polar/error", "is", qid, "RuntimeError::StackOverflow"))
        out.append(m.depth(0))
    else:
        while depth > 0:
            depth -= 1
            out.append(m.depth(depth))
        results += 1
        out.append(message("/polar/result", "ii", qid, results))
    out.append(message("/polar/query/end", "iiii", qid, results, len(out), 1 if failed else 0))
    return out


class Stream:
    """Timed messages, appended segment by segment; query ids keep growing."""

    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.m = Messages()
        self.events = []  # (seconds, message bytes), times never decreasing
        self.next_id = 1

    def queries(self, count, backtracks, **kind):
        """At least `count` messages of whole queries; `backtracks()` draws each one's number."""
        out = []
        while len(out) < count:
            out.extend(query(self.rng, self.m, self.next_id, backtracks(), **kind))
            self.next_id += 1
        return out

    def mixed_backtracks(self):
        # Short (~75 events), medium (~1,000-5,000) and long (~10,000-30,000)
        # queries: the depth swings 0-12-0 at every speed a viewer may show.
        kind = self.rng.random()
        return self.rng.randint(0, 3) if kind < 0.6 else self.rng.randint(60, 300) if kind < 0.9 \
            else self.rng.randint(600, 1800)

    def steady(self, start, seconds, rate, messages):
        """`messages` spread evenly from `start`, `rate` a second, for `seconds`."""
        count = int(rate * seconds)
        self.events += [(start + k / rate, msg) for k, msg in enumerate(messages[:count])]

    def bursts(self, start, seconds, rate, per_second, duty):
        """The same mean rate in `per_second` bursts a second, each `duty` of its
        period long: a server answering requests, a backtracking query each."""
        period = 1.0 / per_second
        count = int(rate * period)
        for b in range(int(seconds * per_second)):
            messages = self.queries(count, lambda: self.rng.randint(100, 300))[:count]
            at = start + b * period
            self.events += [(at + k * period * duty / count, msg) for k, msg in enumerate(messages)]


def bundles(events):
    """Groups consecutive timed messages into bundles of at most MAX_DATAGRAM
    bytes and BUNDLE_SPAN seconds; yields (time of the first message, datagram)."""
    first, size, parts = None, len(BUNDLE_HEAD), [BUNDLE_HEAD]
    for at, msg in events:
        element = struct.pack(">i", len(msg)) + msg
        if len(parts) > 1 and (size + len(element) > MAX_DATAGRAM or at - first > BUNDLE_SPAN):
            yield first, b"".join(parts)
            first, size, parts = None, len(BUNDLE_HEAD), [BUNDLE_HEAD]
        if first is None:
            first = at
        parts.append(element)
        size += len(element)
    if len(parts) > 1:
        yield first, b"".join(parts)


def build(args):
    """The timed messages of the whole recording, part by part (see the header)."""
    s = Stream(args.seed)
    rate, flood = args.rate, args.flood_seconds
    s.events.append((0.0, message("/polar/hello", "ssii", "1.2", "make_flood", 0, 14)))
    # A: the plain flood, mixed query lengths, backtracks in every frame.
    a = flood * 2 / 7
    s.steady(0.0, a, rate, s.queries(int(rate * a), s.mixed_backtracks))
    # B: bursts, BURSTS_PER_SECOND a second, each a quarter of its period.
    b = flood * 2 / 7
    s.bursts(a, b, rate, BURSTS_PER_SECOND, 0.25)
    # C: one error (the red screen), then queries that branch after every
    # rule and never backtrack: the hue strobe alone, no flash over it.
    c = flood - a - b
    error = query(s.rng, s.m, s.next_id, 0, failed=True)
    s.next_id += 1
    s.steady(a + b, c, rate, error + s.queries(int(rate * c), lambda: 0, branch_every=1.0))
    # D: the paced case: one event per pace, queries backtracking every few
    # events (a fact search), no error.
    pace = args.pace_ms / 1000.0
    paced = int(round(args.paced_seconds / pace))
    messages = s.queries(paced, lambda: s.rng.randint(3, 8), shallow=True)[:paced]
    s.events += [(flood + k * pace, msg) for k, msg in enumerate(messages)]
    return s.events


def write(out, args):
    events = build(args)
    lines = [HEADER]
    counts = {"events": len(events), "datagrams": 0, "bytes": 0}

    def emit(seconds, datagram):
        micros = round(seconds * 1e6)
        lines.append(f"{micros // 1000000}.{micros % 1000000:06d} {datagram.hex()}")
        counts["datagrams"] += 1
        counts["bytes"] += len(datagram)

    second = 1
    for at, datagram in bundles(events):
        while at >= second:  # /polar/stats once a second, as a broadcaster sends it
            emit(second, bundle(message("/polar/stats", "iiif", 0, 0, 0, float(args.rate))))
            counts["events"] += 1
            second += 1
        emit(at, datagram)
    out.write("\n".join(lines) + "\n")
    return counts


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", help="recording to write")
    parser.add_argument("--rate", type=float, default=100000, help="flood events per second (100000)")
    parser.add_argument("--flood-seconds", type=float, default=7, help="length of the flood (7)")
    parser.add_argument("--paced-seconds", type=float, default=3, help="length of the paced part (3)")
    parser.add_argument("--pace-ms", type=float, default=20, help="the paced part's pace (20 ms)")
    parser.add_argument("--seed", type=int, default=14, help="the generator's seed (14: the issue)")
    args = parser.parse_args()
    if args.rate <= 0 or args.pace_ms <= 0 or args.flood_seconds < 0 or args.paced_seconds < 0:
        print("make_flood: rate and pace must be positive, lengths not negative", file=sys.stderr)
        return 2
    with open(args.out, "w") as f:
        counts = write(f, args)
    print(f"make_flood: {counts['events']} events in {counts['datagrams']} datagrams ({counts['bytes']} bytes), "
          f"{args.flood_seconds + args.paced_seconds:g} s, to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
