# report.sh — sourced by the shell tests (tests/cli, tests/osc, tests/faults):
# the one way they count and print a check. The caller keeps `checks`,
# `failures`, the last command in `last`, its exit code in `code` and its
# output in $scratch/out and $scratch/err.
#
# report 1|0 DESCRIPTION — "ok   - ..." or "FAIL - ..." with the command and
# the first 20 lines of its output, each cut at 200 characters (a policy
# error can echo a very long line).
report() {
    checks=$((checks + 1))
    if [[ $1 == 1 ]]; then
        echo "ok   - $2"
    else
        failures=$((failures + 1))
        echo "FAIL - $2"
        echo "       command: $last (exit $code)"
        cut -c1-200 "$scratch/out" | sed 's/^/       stdout| /' | head -20
        cut -c1-200 "$scratch/err" | sed 's/^/       stderr| /' | head -20
    fi
}
