#!/usr/bin/env python3
"""mutate_patch.py — write a deliberately broken copy of a patch, for check_patch.py's negative tests.

Usage: mutate_patch.py IN.vcv OUT.vcv KIND     (mutate_patch.py --list prints the kinds)

Each kind breaks exactly one thing that check_patch.py must catch; the test
(tests/sound/vcv_structure_test.sh) runs the checker on every kind and fails
if any broken copy passes or fails for another reason than EXPECTED says.
"""

import json
import sys
from pathlib import Path

# Run from a source tree: leave no __pycache__ next to the committed files.
sys.dont_write_bytecode = True
import vcvfile  # noqa: E402 (after the line above on purpose)


def osc_module(patch):
    return next(m for m in patch["modules"] if m["model"] == "cvOSCcv")


def module_of(patch, model):
    return next(m for m in patch["modules"] if m["model"] == model)


def missing_port(patch):
    patch["cables"][0]["inputId"] = 99  # no module here has 100 inputs


def unknown_address(patch):
    osc_module(patch)["data"]["outputChannels"][2]["path"] = "/polar/nonexistent"


def no_autoreconnect(patch):
    osc_module(patch)["data"]["osc"]["AutoReconnectAtLoad"] = False


def initialized_as_int(patch):
    osc_module(patch)["data"]["osc"]["Initialized"] = 1  # json_boolean_value(1) is false


def wrong_port(patch):
    osc_module(patch)["data"]["osc"]["RxPort"] = 7001  # trowaSoft's default, not ours


def double_input(patch):
    twin = dict(patch["cables"][0], id=max(c["id"] for c in patch["cables"]) + 1,
                outputModuleId=patch["cables"][1]["outputModuleId"],
                outputId=patch["cables"][1]["outputId"])
    patch["cables"].append(twin)


def string_argument(patch):
    # Channel 2's value goes through a Split whose output 1 is used: argument 1
    # of /polar/error is its error name, a string cvOSCcv cannot convert.
    osc_module(patch)["data"]["outputChannels"][1]["path"] = "/polar/error"


def unknown_model(patch):
    module_of(patch, "Noise")["model"] = "Noise9000"


def param_out_of_range(patch):
    vco = module_of(patch, "VCO")
    next(p for p in vco["params"] if p["id"] == 2)["value"] = 100.0  # FREQ_PARAM is -76..76


def stale(patch):
    # Valid in every way but no longer what make_patch.py writes.
    vca = module_of(patch, "VCA-1")
    vca["params"][0]["value"] = 0.69


# kind -> (mutation, text check_patch.py must print, skip the regeneration check?)
KINDS = {
    "missing-port": (missing_port, "has no input 99", True),
    "unknown-address": (unknown_address, "/polar/nonexistent, which is not in the osc/README.md", True),
    "no-autoreconnect": (no_autoreconnect, "AutoReconnectAtLoad is False, must be true", True),
    "initialized-int": (initialized_as_int, "Initialized is 1, must be true", True),
    "wrong-port": (wrong_port, "RxPort is 7001, must be 9001", True),
    "double-input": (double_input, "already has cable", True),
    "string-argument": (string_argument, "cannot turn into a voltage", True),
    "unknown-model": (unknown_model, "plugin/model not in plugins.json", True),
    "param-range": (param_out_of_range, "= 100.0, outside -76..76", True),
    "legacy-json": (None, "no zstd magic", True),
    "stale": (stale, "differs from a fresh make_patch.py run", False),
}


def main(argv):
    if argv == ["--list"]:
        for kind, (_, expected, skip_regen) in KINDS.items():
            print(f"{kind}\t{'skip-regen' if skip_regen else 'regen'}\t{expected}")
        return 0
    if len(argv) != 3 or argv[2] not in KINDS:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        print(f"kinds: {', '.join(KINDS)}", file=sys.stderr)
        return 2
    source, target, kind = argv
    try:
        patch, _ = vcvfile.unpack(Path(source).read_bytes())
        mutation = KINDS[kind][0]
        if mutation is None:  # legacy-json: the same patch, uncompressed and untarred
            Path(target).write_text(json.dumps(patch), encoding="utf-8")
            return 0
        mutation(patch)
        Path(target).write_bytes(vcvfile.pack(patch))
    except (vcvfile.PatchError, OSError, StopIteration, KeyError, IndexError) as error:
        print(f"mutate_patch.py: cannot make {kind} from {source}: {error!r}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
