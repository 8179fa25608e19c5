#!/usr/bin/env bash
# run_fmt_conformance.sh POLAR CONFORMANCE_RUNNER DIR — the conformance
# suite, run again on formatted policies: every tests/conformance/*.polar
# file the engine accepts is put through `polar fmt` and the runner must
# still pass it — the same answers to every `#?` query, the same load
# errors. Formatting moves code, so a `#!load KIND line:col` keeps only its
# KIND (the position it names is in the original layout). Files the engine
# rejects are skipped: fmt refuses them (guaranteed by the unit tests).
set -uo pipefail
polar=${1:?usage: run_fmt_conformance.sh POLAR RUNNER DIR}
runner=${2:?usage: run_fmt_conformance.sh POLAR RUNNER DIR}
dir=${3:?usage: run_fmt_conformance.sh POLAR RUNNER DIR}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
passed=0 failed=0 skipped=0
for file in "$dir"/*.polar; do
    out="$scratch/$(basename "$file")"
    if ! "$polar" fmt "$file" > "$out" 2>/dev/null; then
        skipped=$((skipped + 1))
        continue
    fi
    sed -i -E 's/^(#!load [^ ]+) [0-9]+:[0-9]+$/\1/' "$out"
    if "$runner" "$out" > "$scratch/log" 2>&1; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL $file (formatted):"
        cat "$scratch/log"
    fi
done
echo "$passed passed, $failed failed, $skipped not formatted (rejected by the engine)"
[[ $failed == 0 && $passed -gt 100 ]]
