#!/usr/bin/env bash
# vcv_structure_test.sh — is patches/vcv/polar.vcv a sound VCV Rack 2 patch?
#
# VCV Rack is not packaged, so nothing plays the patch here; instead
# check_patch.py checks its structure (Rack 2 archive, modules, params and
# ports against plugins.json, cables, cvOSCcv listening on 9001 at load, OSC
# addresses against osc/README.md, byte-identical to a fresh make_patch.py
# run), and then every broken copy mutate_patch.py can make must be rejected
# for the right reason: a checker that passes everything fails this test.
# Exit: 0 pass, 1 fail, 77 skip when python3 or zstd is not installed.
#
# Environment: POLAR_PATCHES (the patches/ folder, default ../../patches
# from here), POLAR_OSC_README (default: osc/README.md next to patches/).
set -euo pipefail

if [[ ${1:-} == -h || ${1:-} == --help ]]; then
    sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
    exit 0
fi
here=$(cd "$(dirname "$0")" && pwd)
patches=${POLAR_PATCHES:-$here/../../patches}
readme=${POLAR_OSC_README:-$patches/../osc/README.md}
vcv=$patches/vcv

command -v python3 >/dev/null || { echo "vcv_structure_test: skipped: python3 not installed"; exit 77; }
command -v zstd >/dev/null || { echo "vcv_structure_test: skipped: zstd not installed (apt-get install zstd)"; exit 77; }
for file in "$vcv/polar.vcv" "$vcv/check_patch.py" "$vcv/mutate_patch.py" "$readme"; do
    [[ -f $file ]] || { echo "vcv_structure_test: missing $file" >&2; exit 1; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Each check decompresses a few KiB and regenerates the patch once: well under
# a second; 60 s only bounds a hung zstd or interpreter.
run() { timeout 60 python3 "$@"; }

echo "== the committed patch"
if ! run "$vcv/check_patch.py" "$vcv/polar.vcv" --osc-readme "$readme"; then
    echo "vcv_structure_test: FAIL: the committed patch does not pass" >&2
    exit 1
fi

echo "== broken copies (each must be rejected, for its own reason)"
failures=0
cases=0
while IFS=$'\t' read -r kind regen expected; do
    cases=$((cases + 1))
    copy=$work/$kind.vcv
    if ! run "$vcv/mutate_patch.py" "$vcv/polar.vcv" "$copy" "$kind"; then
        echo "FAIL $kind: could not make the broken copy" >&2
        failures=$((failures + 1))
        continue
    fi
    flags=(--osc-readme "$readme")
    [[ $regen == skip-regen ]] && flags+=(--skip-regen)
    status=0
    run "$vcv/check_patch.py" "$copy" "${flags[@]}" >"$work/$kind.out" 2>&1 || status=$?
    if (( status == 0 )); then
        echo "FAIL $kind: the broken copy passed" >&2
        failures=$((failures + 1))
    elif ! grep -qF -- "$expected" "$work/$kind.out"; then
        echo "FAIL $kind: rejected (exit $status) but not for '$expected':" >&2
        sed 's/^/    /' "$work/$kind.out" >&2
        failures=$((failures + 1))
    else
        echo "ok   $kind: $(grep -F -- "$expected" "$work/$kind.out" | head -n 1)"
    fi
done < <(run "$vcv/mutate_patch.py" --list)

if (( cases < 10 )); then
    echo "vcv_structure_test: FAIL: only $cases negative cases listed" >&2
    exit 1
fi
if (( failures > 0 )); then
    echo "vcv_structure_test: FAIL: $failures of $cases broken copies were not caught" >&2
    exit 1
fi
echo "vcv_structure_test: pass (committed patch ok, $cases broken copies rejected)"
