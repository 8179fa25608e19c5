#!/usr/bin/env python3
"""make_patch.py — generate polar.vcv, the VCV Rack 2 patch that plays Polar AV's OSC stream.

Usage: make_patch.py [--output FILE] [--manifest plugins.json] [--osc-readme osc/README.md] [--print-json]

The patch is data, so it is written by a program rather than saved from Rack
(which is not installed here): one trowaSoft cvOSCcv module listens on our
synth port and turns seven addresses of osc/README.md into trigger and value
voltages, and VCV Fundamental modules make six voices of them (README.md says
what each one means). Every port and param is named by its source enum and
resolved to an id through plugins.json, the same manifest check_patch.py
checks against, so a misspelt port fails here rather than in Rack. Output is
reproducible (see vcvfile.py): regenerating gives identical bytes.
"""

import argparse
import math
import sys
from pathlib import Path

# Run from a source tree: leave no __pycache__ next to the committed files.
sys.dont_write_bytecode = True
import vcvfile  # noqa: E402 (after the line above on purpose)

# Our synth port: the demo and the sound tests send to 9001 (the viewer has 9000).
SYNTH_PORT = 9001
# trowaSoft's own defaults; cvOSCcv sends nothing because no input is patched.
TX_ADDRESS, TX_PORT = "127.0.0.1", 7000
C4_HZ = 261.6256  # dsp::FREQ_C4, the 0 V pitch of every Fundamental module
# Fundamental ADSR: time constant = MIN_TIME * LAMBDA_BASE^param (ADSR.cpp).
ADSR_MIN_TIME_S, ADSR_LAMBDA_BASE = 1e-3, 1e4

# cvOSCcv channel -> address and value scaling (minOSC, maxOSC, minV, maxV).
# cvOSCcv puts every numeric argument of a message on its own channel of the
# value output (a polyphonic cable) and stops at the first string argument,
# so we scale there and pick the argument we want with a Fundamental Split.
CHANNELS = [
    # depth: arg 0 is the depth itself; 0..10 -> 0..2 V is one pentatonic step
    # (2.4 semitones before quantizing) per level, two octaves for 10 levels.
    (1, "/polar/depth", (0.0, 10.0, 0.0, 2.0)),
    # branch: arg 1 is the number of alternatives; 16 (the README's scale) -> 2 V.
    (2, "/polar/branch", (0.0, 16.0, 0.0, 2.0)),
    (3, "/polar/backtrack", None),
    (4, "/polar/result", None),
    (5, "/polar/query/begin", None),
    (6, "/polar/query/end", None),
    (7, "/polar/error", None),
    # Spare: listened to (its light blinks on every rule call), nothing patched.
    # Use its trigger only: the first argument is a string, so no value comes out.
    (8, "/polar/rule", None),
]
# C major pentatonic (C D E G A): any two depths sound consonant together.
PENTATONIC = [n in (0, 2, 4, 7, 9) for n in range(12)]
# Rack 2's default cable colours, one per voice so the patch reads at a glance.
RED, YELLOW, GREEN, BLUE, PURPLE = "#f3374b", "#ffb437", "#00b56e", "#3695ef", "#8b4ade"


def release_param(seconds):
    """ADSR slider value whose release time constant is `seconds`."""
    return round(math.log(seconds / ADSR_MIN_TIME_S) / math.log(ADSR_LAMBDA_BASE), 4)


def cutoff_param(hz):
    """VCF cutoff knob value for `hz` (cutoff = C4 * 2^(10 * param - 5))."""
    return round((math.log2(hz / C4_HZ) + 5) / 10, 4)


def osc_data():
    channels = []
    for number, path, scaling in CHANNELS:
        low_osc, high_osc, low_v, high_v = scaling or (0.0, 1.0, 0.0, 1.0)
        channels.append({"chNum": number, "path": path,
                         "dataType": 1,  # 1 = float: ints arrive as floats anyway
                         "convertVals": int(scaling is not None),
                         "clipVals": int(scaling is not None),  # deeper stacks clamp
                         "minV": low_v, "maxV": high_v, "minOSC": low_osc, "maxOSC": high_osc})
    return {"osc": {"IpAddress": TX_ADDRESS, "TxPort": TX_PORT, "RxPort": SYNTH_PORT,
                    "Namespace": "",  # empty: paths are full addresses
                    # Both true, or cvOSCcv waits for a click on "Enable" after loading.
                    "AutoReconnectAtLoad": True, "Initialized": True},
            "numCh": len(channels), "outputChannels": channels}


class PatchBuilder:
    """Collects modules (laid out left to right in rows) and cables."""

    def __init__(self, manifest):
        self.manifest = manifest
        self.modules, self.cables = [], []
        self.row_ends = {}

    def add(self, plugin, model, row, params=None, data=None):
        spec = self.manifest.module(plugin, model)
        values = {p["enum"]: p["default"] for p in spec["params"]}
        for enum, value in (params or {}).items():
            self.manifest.port_id(plugin, model, "params", enum)  # must exist
            values[enum] = value
        x = self.row_ends.get(row, 0)
        self.row_ends[row] = x + spec["layoutHp"]
        module = {"id": len(self.modules) + 1, "plugin": plugin, "model": model,
                  "version": self.manifest.versions[plugin],
                  "params": [{"value": values[p["enum"]], "id": p["id"]} for p in spec["params"]]}
        if data is not None:
            module["data"] = data
        module["pos"] = [x, row]
        self.modules.append(module)
        return module

    def fundamental(self, model, row, params=None, data=None):
        return self.add("Fundamental", model, row, params, data)

    def envelope(self, row, release_s):
        """An ADSR for 1 ms triggers: instant attack, then a release of `release_s`."""
        return self.fundamental("ADSR", row, {
            "ATTACK_PARAM": 0.0, "DECAY_PARAM": 0.5, "SUSTAIN_PARAM": 0.0,
            "RELEASE_PARAM": release_param(release_s),
            # ADSR sets these to 1 when a patch omits them; no CV is patched anyway.
            "ATTACK_CV_PARAM": 0.0, "DECAY_CV_PARAM": 0.0, "SUSTAIN_CV_PARAM": 0.0,
            "RELEASE_CV_PARAM": 0.0})

    def cable(self, source, output, target, input_, color):
        out_id = self.manifest.port_id(source["plugin"], source["model"], "outputs", output)
        in_id = self.manifest.port_id(target["plugin"], target["model"], "inputs", input_)
        self.cables.append({"id": len(self.cables) + 1,
                            "outputModuleId": source["id"], "outputId": out_id,
                            "inputModuleId": target["id"], "inputId": in_id, "color": color})

    def patch(self):
        return {"version": "2.0.0", "modules": self.modules, "cables": self.cables}


def trigger(channel):
    return f"CH_OUTPUT_START + {2 * (channel - 1)}"


def value(channel):
    return f"CH_OUTPUT_START + {2 * (channel - 1) + 1}"


def build_patch(manifest, addresses):
    for _, path, _ in CHANNELS:
        if path not in addresses:
            raise vcvfile.PatchError(f"{path} is not in the OSC address table")
    b = PatchBuilder(manifest)
    osc = b.add("trowaSoft", "cvOSCcv", 0, data=osc_data())
    depths = b.fundamental("Split", 0)
    branches = b.fundamental("Split", 0)
    query_gates = b.fundamental("Unity", 0)

    mixer = None  # created last in row 3; voices are collected first
    voices = []

    # Lead — depth: every change of depth plucks a saw at the depth's pentatonic step.
    b.cable(osc, value(1), depths, "POLY_INPUT", RED)
    quantizer = b.fundamental("Quantizer", 1, data={"enabledNotes": PENTATONIC})
    lead = b.fundamental("VCO", 1, {"FREQ_PARAM": -12.0})  # depth 0 = C3
    lead_filter = b.fundamental("VCF", 1, {"FREQ_PARAM": cutoff_param(300.0), "RES_PARAM": 0.25,
                                           "FREQ_CV_PARAM": 0.25})  # the envelope opens it ~2 octaves
    lead_env = b.envelope(1, 0.16)
    lead_vca = b.fundamental("VCA-1", 1, {"LEVEL_PARAM": 0.7})
    b.cable(depths, "MONO_OUTPUTS + 0", quantizer, "PITCH_INPUT", RED)
    b.cable(quantizer, "PITCH_OUTPUT", lead, "PITCH_INPUT", RED)
    b.cable(lead, "SAW_OUTPUT", lead_filter, "IN_INPUT", RED)
    b.cable(osc, trigger(1), lead_env, "GATE_INPUT", RED)
    b.cable(lead_env, "ENVELOPE_OUTPUT", lead_filter, "FREQ_INPUT", RED)
    b.cable(lead_env, "ENVELOPE_OUTPUT", lead_vca, "CV_INPUT", RED)
    b.cable(lead_filter, "LPF_OUTPUT", lead_vca, "IN_INPUT", RED)
    voices.append(lead_vca)

    # Branch — a choice point: a short square click, higher for more alternatives.
    b.cable(osc, value(2), branches, "POLY_INPUT", YELLOW)
    click = b.fundamental("VCO", 1, {"FREQ_PARAM": 12.0})  # C5 + 1.5 semitones per alternative
    click_env = b.envelope(1, 0.025)
    click_vca = b.fundamental("VCA-1", 1, {"LEVEL_PARAM": 0.45})
    b.cable(branches, "MONO_OUTPUTS + 1", click, "PITCH_INPUT", YELLOW)
    b.cable(osc, trigger(2), click_env, "GATE_INPUT", YELLOW)
    b.cable(click, "SQR_OUTPUT", click_vca, "IN_INPUT", YELLOW)
    b.cable(click_env, "ENVELOPE_OUTPUT", click_vca, "CV_INPUT", YELLOW)
    voices.append(click_vca)

    # Backtrack — giving up a branch: a falling sweep (the envelope bends the pitch down).
    sweep = b.fundamental("VCO", 2, {"FM_PARAM": 0.25})  # 7.6 V peak * 0.25 = ~2 octaves
    sweep_env = b.envelope(2, 0.3)
    sweep_vca = b.fundamental("VCA-1", 2, {"LEVEL_PARAM": 0.5})
    b.cable(osc, trigger(3), sweep_env, "GATE_INPUT", GREEN)
    b.cable(sweep_env, "ENVELOPE_OUTPUT", sweep, "FM_INPUT", GREEN)
    b.cable(sweep_env, "ENVELOPE_OUTPUT", sweep_vca, "CV_INPUT", GREEN)
    b.cable(sweep, "TRI_OUTPUT", sweep_vca, "IN_INPUT", GREEN)
    voices.append(sweep_vca)

    # Result — an answer: a C major triad (C5 E5 G5) that rings for most of a second.
    # 8vert with nothing patched outputs 10 V * knob: 0, 4/12 and 7/12 V.
    offsets = b.fundamental("8vert", 2, {"GAIN_PARAMS + 0": 0.0, "GAIN_PARAMS + 1": round(4 / 120, 6),
                                         "GAIN_PARAMS + 2": round(7 / 120, 6)})
    triad = b.fundamental("Merge", 2)
    chord = b.fundamental("VCO", 2, {"FREQ_PARAM": 12.0})
    chord_env = b.envelope(2, 0.75)
    chord_vca = b.fundamental("VCA-1", 2, {"LEVEL_PARAM": 0.35})
    chord_sum = b.fundamental("Sum", 2)
    for note in range(3):
        b.cable(offsets, f"OUT_OUTPUTS + {note}", triad, f"MONO_INPUTS + {note}", BLUE)
    b.cable(triad, "POLY_OUTPUT", chord, "PITCH_INPUT", BLUE)
    b.cable(osc, trigger(4), chord_env, "GATE_INPUT", BLUE)
    b.cable(chord, "TRI_OUTPUT", chord_vca, "IN_INPUT", BLUE)
    b.cable(chord_env, "ENVELOPE_OUTPUT", chord_vca, "CV_INPUT", BLUE)
    b.cable(chord_vca, "OUT_OUTPUT", chord_sum, "POLY_INPUT", BLUE)
    voices.append(chord_sum)

    # Query begin and end — a low sine thump frames every query.
    bass = b.fundamental("VCO", 3, {"FREQ_PARAM": -12.0})  # C3
    bass_env = b.envelope(3, 0.21)
    bass_vca = b.fundamental("VCA-1", 3, {"LEVEL_PARAM": 0.8})
    b.cable(osc, trigger(5), query_gates, "IN_INPUTS + 0", PURPLE)
    b.cable(osc, trigger(6), query_gates, "IN_INPUTS + 1", PURPLE)
    b.cable(query_gates, "MIX1_OUTPUT", bass_env, "GATE_INPUT", PURPLE)
    b.cable(bass, "SIN_OUTPUT", bass_vca, "IN_INPUT", PURPLE)
    b.cable(bass_env, "ENVELOPE_OUTPUT", bass_vca, "CV_INPUT", PURPLE)
    voices.append(bass_vca)

    # Error — a query ended by an error: a quarter-second burst of white noise.
    noise = b.fundamental("Noise", 3)
    noise_env = b.envelope(3, 0.25)
    noise_vca = b.fundamental("VCA-1", 3, {"LEVEL_PARAM": 0.35})
    b.cable(osc, trigger(7), noise_env, "GATE_INPUT", RED)
    b.cable(noise, "WHITE_OUTPUT", noise_vca, "IN_INPUT", RED)
    b.cable(noise_env, "ENVELOPE_OUTPUT", noise_vca, "CV_INPUT", RED)
    voices.append(noise_vca)

    # Six voices summed at half level keep the worst case (all at once) under 10 V.
    mixer = b.fundamental("Mixer", 3, {"LEVEL_PARAM": 0.5}, data={"average": False, "invert": False})
    for slot, voice in enumerate(voices):
        out = "MONO_OUTPUT" if voice["model"] == "Sum" else "OUT_OUTPUT"
        b.cable(voice, out, mixer, f"IN_INPUTS + {slot}", YELLOW)
    # No "data": the audio device is the listener's to choose. Audio-2 copies
    # its left input to the right when the right one is unpatched.
    audio = b.add("Core", "AudioInterface2", 3, {"GAIN_PARAM": 1.0})
    b.cable(mixer, "OUT_OUTPUT", audio, "AUDIO_INPUTS + 0", YELLOW)
    return b.patch()


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", default=str(vcvfile.HERE / "polar.vcv"))
    parser.add_argument("--manifest", default=str(vcvfile.DEFAULT_MANIFEST))
    parser.add_argument("--osc-readme", default=str(vcvfile.DEFAULT_OSC_README))
    parser.add_argument("--print-json", action="store_true", help="print patch.json, write nothing")
    args = parser.parse_args(argv)
    try:
        patch = build_patch(vcvfile.Manifest(args.manifest), vcvfile.osc_addresses(args.osc_readme))
        if args.print_json:
            sys.stdout.write(vcvfile.patch_json_bytes(patch).decode("utf-8"))
            return 0
        Path(args.output).write_bytes(vcvfile.pack(patch))
    except (vcvfile.PatchError, OSError) as error:
        print(f"make_patch.py: error: {error}", file=sys.stderr)
        return 1
    print(f"wrote {args.output}: {len(patch['modules'])} modules, {len(patch['cables'])} cables")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
