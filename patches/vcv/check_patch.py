#!/usr/bin/env python3
"""check_patch.py — structural check of a VCV Rack 2 patch against plugins.json and the OSC table.

Usage: check_patch.py PATCH.vcv [--manifest plugins.json] [--osc-readme osc/README.md] [--skip-regen]

Rack is not installed on the test machine, so this is what we can know
without it: the file is a Rack 2 archive (zstd magic, ustar, ./patch.json);
every module is one of plugins.json's (facts read from the modules' sources);
every param id exists and its value is in range; every cable joins an output
to an input of existing modules and no input has two cables; cvOSCcv will
start listening on our synth port at load, on addresses that exist in
osc/README.md, and every argument taken from a value output is a number;
the committed file is byte-identical to a fresh make_patch.py run.
Prints a summary, then `ok` or every problem found; exit 0 or 1 (2 for bad usage).
"""

import argparse
import numbers
import sys
from pathlib import Path

# Run from a source tree: leave no __pycache__ next to the committed files.
sys.dont_write_bytecode = True
import vcvfile  # noqa: E402 (after the line above on purpose)

CVOSCCV = ("trowaSoft", "cvOSCcv")
SPLIT = ("Fundamental", "Split")
SYNTH_PORT = 9001  # what the demo and the sound tests send to
# OSC 1.0 numeric type tags; cvOSCcv turns int32 and float32 into voltages.
NUMERIC_TAGS = "if"


def is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def as_id(value):
    """`value` when it can be an id (an integer), else None: JSON may hold anything."""
    return value if is_int(value) else None


class Checker:
    def __init__(self, patch, manifest, addresses):
        self.patch, self.manifest, self.addresses = patch, manifest, addresses
        self.problems = []
        self.modules = {}   # id -> module dict
        self.listening = []  # (channel, address, trigger wired, value wired)

    def problem(self, text):
        self.problems.append(text)

    def run(self):
        version = self.patch.get("version")
        if not (isinstance(version, str) and version.startswith("2.")):
            self.problem(f"patch version {version!r} is not 2.x (Rack would apply v1 legacy rules)")
        modules, cables = self.patch.get("modules"), self.patch.get("cables")
        if not isinstance(modules, list) or not isinstance(cables, list):
            self.problem("patch.json needs a 'modules' list and a 'cables' list")
            return
        for module in modules:
            self.check_module(module)
        self.check_layout()
        self.check_cables(cables)
        for module in self.modules.values():
            if (module.get("plugin"), module.get("model")) == CVOSCCV:
                self.check_cvosccv(module, cables)
        if not any((m.get("plugin"), m.get("model")) == CVOSCCV for m in self.modules.values()):
            self.problem("no trowaSoft cvOSCcv module: nothing would receive OSC")

    def check_module(self, module):
        if not isinstance(module, dict):
            self.problem(f"a module entry is not an object: {module!r:.60}")
            return
        mid = module.get("id")
        where = f"module {mid}"
        if not is_int(mid) or mid < 0:
            self.problem(f"{where}: id must be a non-negative integer")
            return
        if mid in self.modules:
            self.problem(f"{where}: duplicate module id")
            return
        key = (module.get("plugin"), module.get("model"))
        where = f"module {mid} ({key[0]}/{key[1]})"
        if not all(isinstance(k, str) for k in key) or key not in self.manifest.modules:
            self.problem(f"{where}: plugin/model not in plugins.json")
            return
        self.modules[mid] = module
        if not isinstance(module.get("version"), str):
            self.problem(f"{where}: no plugin version string")
        spec = {p["id"]: p for p in self.manifest.modules[key]["params"]}
        seen = set()
        params = module.get("params", [])
        if not isinstance(params, list) or not all(isinstance(p, dict) for p in params):
            self.problem(f"{where}: params must be a list of {{id, value}} objects")
            params = []
        for param in params:
            pid, value = param.get("id"), param.get("value")
            if as_id(pid) not in spec:
                self.problem(f"{where}: param id {pid!r} does not exist")
                continue
            if pid in seen:
                self.problem(f"{where}: param {pid} given twice")
            seen.add(pid)
            lo, hi = spec[pid]["min"], spec[pid]["max"]
            if not isinstance(value, numbers.Real) or isinstance(value, bool) or not lo <= value <= hi:
                self.problem(f"{where}: param {pid} ({spec[pid]['enum']}) = {value!r}, outside {lo}..{hi}")
        pos = module.get("pos")
        if not (isinstance(pos, list) and len(pos) == 2 and all(is_int(v) for v in pos)):
            self.problem(f"{where}: pos must be [x in HP, row] integers")

    def check_layout(self):
        spans = {}
        for mid, module in self.modules.items():
            pos = module.get("pos")
            if not (isinstance(pos, list) and len(pos) == 2 and all(is_int(v) for v in pos)):
                continue
            width = self.manifest.modules[(module["plugin"], module["model"])]["layoutHp"]
            spans.setdefault(pos[1], []).append((pos[0], pos[0] + width, mid))
        for row, items in spans.items():
            items.sort()
            for (a0, a1, a), (b0, _, b) in zip(items, items[1:]):
                if b0 < a1:
                    self.problem(f"modules {a} and {b} overlap in row {row}")

    def port_exists(self, module, kind, port):
        spec = self.manifest.modules[(module["plugin"], module["model"])]
        return any(p["id"] == port for p in spec[kind])

    def check_cables(self, cables):
        ids, inputs = set(), {}
        for cable in cables:
            if not isinstance(cable, dict):
                self.problem(f"a cable entry is not an object: {cable!r:.60}")
                continue
            cid = cable.get("id")
            where = f"cable {cid}"
            if not is_int(cid) or cid in ids:
                self.problem(f"{where}: id missing, not an integer or duplicated")
            ids.add(as_id(cid))
            source = self.modules.get(as_id(cable.get("outputModuleId")))
            target = self.modules.get(as_id(cable.get("inputModuleId")))
            if source is None or target is None:
                self.problem(f"{where}: joins a module that does not exist "
                             f"({cable.get('outputModuleId')!r} -> {cable.get('inputModuleId')!r})")
                continue
            out_id, in_id = cable.get("outputId"), cable.get("inputId")
            if not self.port_exists(source, "outputs", out_id):
                self.problem(f"{where}: module {source['id']} ({source['model']}) has no output {out_id!r}")
            if not self.port_exists(target, "inputs", in_id):
                self.problem(f"{where}: module {target['id']} ({target['model']}) has no input {in_id!r}")
            key = (target["id"], as_id(in_id))
            if key in inputs:
                self.problem(f"{where}: input {in_id} of module {target['id']} "
                             f"already has cable {inputs[key]}")
            inputs[key] = cid
            color = cable.get("color", "")
            if not (isinstance(color, str) and len(color) == 7 and color.startswith("#")):
                self.problem(f"{where}: color {color!r} is not #rrggbb")

    def check_cvosccv(self, module, cables):
        where = f"cvOSCcv {module['id']}"
        data = module.get("data")
        osc = data.get("osc") if isinstance(data, dict) else None
        if not isinstance(osc, dict):
            self.problem(f"{where}: no data.osc settings")
            return
        for flag in ("AutoReconnectAtLoad", "Initialized"):
            if osc.get(flag) is not True:  # cvOSCcv reads them with json_boolean_value
                self.problem(f"{where}: data.osc.{flag} is {osc.get(flag)!r}, must be true "
                             "or cvOSCcv will not listen when the patch loads")
        if osc.get("RxPort") != SYNTH_PORT or not is_int(osc.get("RxPort")):
            self.problem(f"{where}: data.osc.RxPort is {osc.get('RxPort')!r}, must be {SYNTH_PORT}")
        namespace = osc.get("Namespace", "")
        if not isinstance(namespace, str):
            self.problem(f"{where}: data.osc.Namespace must be a string")
            namespace = ""
        prefix = "/" + namespace.lstrip("/") if namespace else ""
        channels = data.get("outputChannels")
        if not isinstance(channels, list) or not is_int(data.get("numCh")):
            self.problem(f"{where}: needs numCh and an outputChannels list")
            return
        out_cables = {}
        for cable in cables:
            if isinstance(cable, dict) and cable.get("outputModuleId") == module["id"]:
                out_cables.setdefault(as_id(cable.get("outputId")), []).append(cable)
        for index, channel in enumerate(channels[:data["numCh"]]):
            if isinstance(channel, dict):
                self.check_channel(where, index, channel, prefix, out_cables)
            else:
                self.problem(f"{where}: outputChannels[{index}] is not an object")

    def check_channel(self, where, index, channel, prefix, out_cables):
        number = channel.get("chNum")
        if number != index + 1:
            self.problem(f"{where}: outputChannels[{index}].chNum is {number!r}, expected {index + 1}")
        for key in ("dataType", "convertVals", "clipVals"):  # read with json_integer_value
            if not is_int(channel.get(key)):
                self.problem(f"{where}: channel {index + 1} {key} must be an integer")
        address = prefix + str(channel.get("path", ""))
        trigger_wired = bool(out_cables.get(2 * index))
        value_cables = out_cables.get(2 * index + 1, [])
        taken = sorted({arg for cable in value_cables for arg in self.arguments_taken(cable)})
        self.listening.append((index + 1, address, trigger_wired, taken))
        variants = self.addresses.get(address)
        if variants is None:
            self.problem(f"{where}: channel {index + 1} listens to {address}, "
                         "which is not in the osc/README.md address table")
            return
        for cable in value_cables:
            for arg in self.arguments_taken(cable):
                for tags in variants:
                    # cvOSCcv stops converting at the first non-number argument.
                    if arg >= len(tags) or any(t not in NUMERIC_TAGS for t in tags[:arg + 1]):
                        self.problem(f"{where}: cable {cable['id']} takes argument {arg} of {address} "
                                     f"(types {tags}), which cvOSCcv cannot turn into a voltage")

    def arguments_taken(self, cable):
        """Which message arguments a cable from a value output delivers downstream."""
        target = self.modules.get(as_id(cable.get("inputModuleId")))
        if target is None or (target["plugin"], target["model"]) != SPLIT:
            return [0]  # a polyphonic cable: at least argument 0 is used
        return sorted({c["outputId"] for c in self.patch["cables"] if isinstance(c, dict)
                       and c.get("outputModuleId") == target["id"] and is_int(c.get("outputId"))})


def check_regeneration(data, manifest, addresses):
    """None if `data` equals a fresh make_patch.py build, else why not."""
    import make_patch  # here: only this check needs the generator
    try:
        fresh = vcvfile.pack(make_patch.build_patch(manifest, addresses))
    except vcvfile.PatchError as error:
        return f"make_patch.py cannot regenerate it: {error}"
    if fresh == data:
        return None
    same_tar = vcvfile.unpack_tar(fresh) == vcvfile.unpack_tar(data)
    return ("differs from a fresh make_patch.py run: " +
            ("same patch.json, different compression (another zstd version?)" if same_tar
             else "patch.json changed; run make_patch.py and commit polar.vcv"))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("patch")
    parser.add_argument("--manifest", default=str(vcvfile.DEFAULT_MANIFEST))
    parser.add_argument("--osc-readme", default=str(vcvfile.DEFAULT_OSC_README))
    parser.add_argument("--skip-regen", action="store_true",
                        help="do not compare with a fresh make_patch.py build (for edited copies)")
    args = parser.parse_args(argv)
    try:
        data = Path(args.patch).read_bytes()
        patch, members = vcvfile.unpack(data)
        manifest = vcvfile.Manifest(args.manifest)
        addresses = vcvfile.osc_addresses(args.osc_readme)
        checker = Checker(patch, manifest, addresses)
        checker.run()
        if not args.skip_regen:
            stale = check_regeneration(data, manifest, addresses)
            if stale:
                checker.problem(stale)
    except (vcvfile.PatchError, OSError) as error:
        print(f"check_patch.py: {args.patch}: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # noqa: BLE001 — a shape this checker did not foresee
        print(f"check_patch.py: {args.patch}: cannot check this patch: {error!r}", file=sys.stderr)
        return 1
    print(f"{args.patch}: {len(data)} bytes, archive members {members}")
    models = sorted({m["model"] for m in checker.modules.values()})
    print(f"modules: {len(checker.modules)} ({', '.join(models)})")
    cables = patch.get("cables")
    print(f"cables: {len(cables) if isinstance(cables, list) else 'none'}")
    for number, address, trigger, value in checker.listening:
        parts = ["trigger"] if trigger else []
        if value:
            parts.append("value: argument " + ", ".join(map(str, value)))
        used = " + ".join(parts) or "not patched"
        print(f"  channel {number}: {address}  ({used})")
    if checker.problems:
        for text in checker.problems:
            print(f"FAIL: {text}", file=sys.stderr)
        print(f"{len(checker.problems)} problem(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
