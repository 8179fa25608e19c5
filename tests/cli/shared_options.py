#!/usr/bin/env python3
"""shared_options.py POLAR POLAR_GITHUB POLAR_OSC POLAR_VIEWER — the options
the four programs share read the same in every --help (issue 13).

For each shared option, the --help line of every program (and subcommand)
that takes it must give the same spelling, placeholder, range and help text
(flags/shared.hpp registers them once). CLI11's "Needs:"/"Excludes:" notes
and a "=DEFAULT" may differ: they describe the program, not the option.
Options shared in syntax only (--timeout, --duration) must agree on their
placeholder, DURATION. No --help may print a number of 30 digits or more.
Also checks that the renamed spellings are hidden from --help. Prints
ok/FAIL per check, like tests/report.sh; exits 1 if any check fails.
"""
import re
import subprocess
import sys

polar, github, osc, viewer = sys.argv[1:5]
HELPS = {
    "polar query": [polar, "query", "--help"],
    "polar check": [polar, "check", "--help"],
    "polar repl": [polar, "repl", "--help"],
    "polar-github": [github, "--help"],
    "polar-osc record": [osc, "record", "--help"],
    "polar-osc dump": [osc, "dump", "--help"],
    "polar-osc tee": [osc, "tee", "--help"],
    "polar-viewer": [viewer, "--help"],
}
SAME = {  # option: where it must read the same
    "--osc": ["polar query", "polar-github"],
    "--pace": ["polar query", "polar-github"],
    "--bpm": ["polar query", "polar-github"],
    "--osc-values": ["polar query", "polar-github"],
    "--oscquery-port": ["polar query", "polar repl", "polar-github"],
    "--max-memory": ["polar query", "polar check", "polar repl", "polar-github"],
    "--port": ["polar-osc record", "polar-osc dump", "polar-osc tee", "polar-viewer"],
    "--bind": ["polar-osc record", "polar-osc dump", "polar-osc tee", "polar-viewer"],
    "--force": ["polar-osc record", "polar-osc tee"],
}
DURATION = {
    "--timeout": ["polar query", "polar check", "polar repl", "polar-viewer"],
    "--duration": ["polar-osc record", "polar-osc tee"],
    "--interval": ["polar-github"],
}
HIDDEN = {"polar-github": ["--osc-pace"]}

checks = failures = 0


def report(ok, what, detail=""):
    global checks, failures
    checks += 1
    failures += 0 if ok else 1
    print(("ok   - " if ok else "FAIL - ") + what)
    if not ok and detail:
        print("       " + detail.replace("\n", "\n       "))


def options(text):
    """{"--pace": (names, placeholder, description)} from CLI11 help text."""
    entries, current = {}, None
    for line in text.splitlines():
        m = re.match(r"^  (-\S.*?)(?:\s{2,}(\S.*))?$", line)
        if m:
            head, desc = m.group(1), m.group(2) or ""
            names = re.findall(r"--[\w-]+", head.split(" ")[0])
            placeholder = head.split(" ", 1)[1] if " " in head else ""
            placeholder = re.sub(r"\s*(Needs|Excludes):.*$", "", placeholder)
            current = [names, re.sub(r"=\S*$", "", placeholder.strip()), desc.strip()]
            for name in names:
                entries[name] = current
        elif current is not None and line.startswith("   ") and line.strip():
            current[2] = (current[2] + " " + line.strip()).strip()  # a wrapped description
        else:
            current = None
    for entry in entries.values():
        entry[2] = re.split(r"\s+(Needs|Excludes):", entry[2])[0].strip()
    return entries


helps = {}
for where, argv in HELPS.items():
    run = subprocess.run(argv, capture_output=True, text=True, timeout=60)
    helps[where] = run.stdout
    report(run.returncode == 0, f"{where} --help exits 0")
    report(not re.search(r"\d{30}", run.stdout), f"{where} --help prints no 30-digit number")
parsed = {where: options(text) for where, text in helps.items()}

for option, places in SAME.items():
    seen = {where: parsed[where].get(option) for where in places}
    missing = [where for where, entry in seen.items() if entry is None]
    report(not missing, f"{option} is in the --help of {', '.join(places)}", f"missing in {missing}")
    forms = {(tuple(e[0]), e[1], e[2]) for e in seen.values() if e is not None}
    report(len(forms) <= 1, f"{option} reads the same everywhere",
           "\n".join(f"{w}: {e}" for w, e in seen.items()))

for option, places in DURATION.items():
    for where in places:
        entry = parsed[where].get(option)
        report(entry is not None and entry[1].startswith("DURATION"),
               f"{where} {option} takes a DURATION", str(entry))

for where, names in HIDDEN.items():
    for name in names:
        report(name not in parsed[where], f"{where} hides the old spelling {name}")

print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
