#!/usr/bin/env python3
"""make_osc_corpus.py — writes the seed corpus of fuzz_osc_packet.cpp.

    python3 tests/fuzz/make_osc_corpus.py    (rewrites tests/fuzz/osc_corpus/)

The seeds are binary OSC datagrams, so they are generated rather than
typed: every address of the address space (osc/README.md), the bundle
shapes the broadcaster sends, nested bundles up to and past the nesting
limit, every type tag oscpack knows, and the broken packets a parser must
survive: truncated, mis-padded, oversized sizes, the blob that crashes
oscpack 1.1.0, and garbage. Deterministic: running it twice gives the same
files. Files named crash_*.osc are inputs the fuzzer once crashed on,
copied in by hand after the fix; this script leaves them alone. Only the
standard library is used.
"""
import os
import random
import struct

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "osc_corpus")


def pad(data: bytes) -> bytes:
    return data + b"\0" * ((4 - len(data) % 4) % 4)


def ostr(text: str) -> bytes:
    return pad(text.encode() + b"\0")


def message(address: str, tags: str = "", *args) -> bytes:
    out = ostr(address) + ostr("," + tags)
    values = iter(args)
    for tag in tags:
        if tag in "TFNI[]":
            continue
        value = next(values)
        if tag == "i":
            out += struct.pack(">i", value)
        elif tag in "rmc":
            out += struct.pack(">I", value)
        elif tag == "f":
            out += struct.pack(">f", value)
        elif tag == "h":
            out += struct.pack(">q", value)
        elif tag == "t":
            out += struct.pack(">Q", value)
        elif tag == "d":
            out += struct.pack(">d", value)
        elif tag in "sS":
            out += ostr(value)
        elif tag == "b":
            out += struct.pack(">i", len(value)) + pad(value)
    return out


def bundle(timetag: int, *elements: bytes) -> bytes:
    out = ostr("#bundle") + struct.pack(">Q", timetag)
    for element in elements:
        out += struct.pack(">i", len(element)) + element
    return out


def nested(depth: int) -> bytes:
    packet = message("/polar/backtrack", "i", depth)
    for level in range(depth):
        packet = bundle(level + 2, packet)
    return packet


ADDRESSES = {
    "hello": message("/polar/hello", "ssi", "1.0", "polar", 4711),
    "hello_1_1": message("/polar/hello", "ssii", "1.1", "polar", 4711, 1283004517),
    "query_begin": message("/polar/query/begin", "is", 3, "allow"),
    "query_end": message("/polar/query/end", "iiii", 3, 1, 42, 0),
    "rule": message("/polar/rule", "siii", "has_role", 3, 2, 4),
    "rule_values": message("/polar/rule", "siiis", "has_role", 3, 2, 4,
                           'has_role(User("ann"), "admin", _12)'),
    "depth": message("/polar/depth", "if", 3, 0.09375),
    "branch": message("/polar/branch", "iif", 2, 3, 0.1875),
    "backtrack": message("/polar/backtrack", "i", 1),
    "result": message("/polar/result", "ii", 3, 1),
    "result_values": message("/polar/result", "iis", 3, 1, "{x: 2}"),
    "error": message("/polar/error", "is", 3, "RuntimeError::ArithmeticError"),
    "stats": message("/polar/stats", "iiif", 120000, 0, 12, 59873.5),
    # 1.2: live coding.
    "hello_1_2": message("/polar/hello", "ssii", "1.2", "polar", 4711, 1283004517),
    "policy_loaded": message("/polar/policy/loaded", "ssii", "policy.polar",
                             "cbf29ce484222325", 12, 345),
    "policy_error": message("/polar/policy/error", "siiss", "policy.polar", 3, 14,
                            "ParseError::UnrecognizedToken",
                            "did not expect \"if\", expected one of: \"(\""),
    "policy_error_cut": message("/polar/policy/error", "siiss", "x" * 399 + "~", 0, 0,
                                "OperationalError::FileLoading", "m" * 239 + "~"),
    "policy_error_mistyped": message("/polar/policy/error", "sii", "policy.polar", 3, 14),
    # 1.3: the search tree.
    "hello_1_3": message("/polar/hello", "ssii", "1.3", "polar", 4711, 1283004517),
    "rule_enter": message("/polar/rule/enter", "siiiii", "has_role", 3, 1, 2, 7, 3),
    "rule_enter_values": message("/polar/rule/enter", "siiiiis", "has_role", 3, 1, 2, 7, 3,
                                 "has_role(user, role) if user.role = role;"),
    "rule_enter_lenient": message("/polar/rule/enter", "Sf", "has_role", 2.6),
}


def seeds():
    for name, packet in ADDRESSES.items():
        yield "msg_" + name, packet
    yield "bundle_query", bundle((3 << 32) | 0x80000000, *[
        ADDRESSES[k] for k in ("query_begin", "rule", "depth", "branch", "result", "query_end")])
    yield "bundle_empty", bundle(1)
    yield "bundle_nested_2", bundle(1, ADDRESSES["rule"], bundle(5, ADDRESSES["depth"]))
    yield "bundle_nested_16", nested(16)
    yield "bundle_nested_17_too_deep", nested(17)
    yield "msg_no_typetags", ostr("/polar/hello")
    yield "msg_empty_typetags", message("/noargs")
    yield "msg_unknown_address", message("/synth/freq", "f", 440.0)
    yield "msg_mistyped", message("/polar/rule", "iiii", 1, 2, 3, 4)
    # Lenient input (osc/README.md): hand-made numeric types, symbols,
    # missing and extra arguments, and the unusable NaN and huge values.
    yield "lenient_depth_ff", message("/polar/depth", "ff", 4.0, 0.125)
    yield "lenient_depth_i", message("/polar/depth", "i", 5)
    yield "lenient_depth_hd", message("/polar/depth", "hd", -(1 << 40), 1e300)
    yield "lenient_depth_nan", message("/polar/depth", "f", float("nan"))
    yield "lenient_rule_symbol", message("/polar/rule", "S", "has_role")
    yield "lenient_query_end_T", message("/polar/query/end", "iiiT", 3, 1, 42)
    yield "lenient_result_empty", message("/polar/result")
    yield "lenient_branch_extra", message("/polar/branch", "dfis", 2.5, 3.0, 9, "x")
    yield "msg_every_type", message("/types", "ifshdtTFNIcrmSb[i]", 1, 2.5, "s", -7, 0.1,
                                    (3 << 32) | 1, 65, 0x11223344, 0x00903C7F, "sym",
                                    b"\x01\x02\x03", 9)
    yield "msg_large_5000", message("/polar/rule", "siiis", "big", 1, 0, 1, "x" * 5000)
    rule = ADDRESSES["rule"]
    for cut in (1, 3, 5, 13, 21, len(rule) - 1):
        yield "trunc_rule_%d" % cut, rule[:cut]
    for cut in (4, 8, 12, 16, len(rule) - 4):
        yield "trunc4_rule_%d" % cut, rule[:cut]
    full = bundle(1, rule, ADDRESSES["depth"])
    yield "trunc_bundle", full[:len(full) - 4]
    yield "bundle_element_too_big", ostr("#bundle") + struct.pack(">QI", 1, 0x7FFFFFF0) + rule
    yield "bundle_element_unaligned", ostr("#bundle") + struct.pack(">QI", 1, 6) + rule[:8]
    yield "bundle_bad_name", b"#bundlX\0" + struct.pack(">Q", 1)
    yield "bundle_element_zero", ostr("#bundle") + struct.pack(">QI", 1, 0)
    yield "blob_crashes_oscpack", ostr("/a") + ostr(",bb") + struct.pack(">I", 0x7FFFFFF0)
    yield "blob_without_size", ostr("/a") + ostr(",b")
    yield "blob_too_long", ostr("/a") + ostr(",b") + struct.pack(">I", 64) + b"\0" * 8
    yield "string_bad_padding", b"/ab\0,s\0\0x\0yz"
    yield "string_unterminated", ostr("/a") + ostr(",s") + b"abcd"
    yield "typetag_unknown", message("/a") [:-4] + ostr(",Z")
    yield "array_close_first", message("/a", "]f[", 1.0)
    yield "array_unclosed", message("/a", "[i", 1)
    yield "no_comma", ostr("/a") + ostr("ii") + b"\0" * 8
    yield "garbage_text", b"garbage!"
    yield "empty", b""
    rng = random.Random(1)
    for n in range(4):
        yield "garbage_random_%d" % n, bytes(rng.randrange(256) for _ in range(4 * (n + 1) * 7))


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if not name.startswith("crash_"):  # inputs the fuzzer found are kept
            os.remove(os.path.join(OUT, name))
    count = 0
    for name, packet in seeds():
        with open(os.path.join(OUT, name + ".osc"), "wb") as f:
            f.write(packet)
        count += 1
    print("wrote %d seeds to %s" % (count, OUT))


if __name__ == "__main__":
    main()
