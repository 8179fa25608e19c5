#!/usr/bin/env python3
"""make_recording.py KIND OUT — writes a crafted `polar-osc record` file.

The format (osc/receiver/include/polar/osc/recording.hpp): the header line
`# polar-osc recording v1`, then one line per datagram: seconds since the
start with six decimals, a space, the datagram's bytes in hex. The OSC
messages use the address space of osc/common/.../address_space.hpp.

KIND:
  huge        three events, then datagram 4 at 999999999999 s: refused
  long        a query at 0 s, its end 10 hours later: valid, 10 h to render
  ends        a query whose 6th event ends it (stack back at 0); a second
              query reaches depth 3 at 0.5 s
  ends-final  the same first query, and nothing after it
  short       one query, depth 1..3, 5 events, all within 0.1 s
"""
import struct
import sys


def pad(data):
    return data + b"\0" * ((4 - len(data) % 4) % 4)


def osc_string(text):
    return pad(text.encode() + b"\0")


def message(address, *args):
    tags, body = ",", b""
    for arg in args:
        if isinstance(arg, int):
            tags += "i"
            body += struct.pack(">i", arg)
        elif isinstance(arg, float):
            tags += "f"
            body += struct.pack(">f", arg)
        else:
            tags += "s"
            body += osc_string(arg)
    return osc_string(address) + osc_string(tags) + body


def begin(query=1):
    return message("/polar/query/begin", query, "ancestor(x, y)")


def depth(d):
    return message("/polar/depth", d, 0.1)


def end(query=1):
    return message("/polar/query/end", query, 0, 10, 3)


def ended_query(start):
    """Six events, the last one ending the query: begin, 1, 2, 1, 0, end."""
    return [(start + 0.01 * k, m) for k, m in enumerate([begin(), depth(1), depth(2), depth(1), depth(0), end()])]


def recording(kind):
    if kind == "huge":
        return [(0.0, begin()), (0.01, depth(1)), (0.02, depth(2)), (999999999999.0, depth(0))]
    if kind == "long":
        return [(0.0, begin()), (0.01, depth(1)), (36000.0, depth(0)), (36000.0, end())]
    if kind == "ends":
        return ended_query(0.0) + [(0.5, begin(2)), (0.5, depth(1)), (0.5, depth(2)), (0.5, depth(3))]
    if kind == "ends-final":
        return ended_query(0.0)
    if kind == "short":
        return [(0.0, begin()), (0.02, depth(1)), (0.04, depth(2)), (0.06, depth(3)), (0.08, end())]
    raise SystemExit(f"make_recording.py: unknown kind {kind}")


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    with open(sys.argv[2], "w") as out:
        out.write("# polar-osc recording v1\n")
        for at, data in recording(sys.argv[1]):
            out.write(f"{at:.6f} {data.hex()}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
