#!/usr/bin/env bash
# check_test.sh — polar-github --check on hackathon.json, as ctest
# examples/github_check runs it:
#
#   examples/github/check_test.sh POLAR_GITHUB
#
# Exit codes 0 (allow), 1 (deny) and 2 (unknown user or resource, broken
# --data file, --data with a generator option), the printed line, and that
# --trace writes the seed's query in Oso's layout on stderr.
set -uo pipefail

binary=${1:?usage: check_test.sh POLAR_GITHUB}
here=$(cd "$(dirname "$0")" && pwd)
data=$here/hackathon.json
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0

# expect CODE DESCRIPTION -- ARGS...: polar-github ARGS exits with CODE.
expect() {
    local want=$1 what=$2
    shift 3
    "$binary" "$@" >"$work/out" 2>"$work/err"
    local got=$?
    if [[ $got -ne $want ]]; then
        echo "FAIL: $what: exit $got, expected $want (polar-github $*)"
        sed 's/^/  | /' "$work/out" "$work/err"
        failures=$((failures + 1))
    fi
}

# contains FILE TEXT DESCRIPTION
contains() {
    if ! grep -qF -- "$2" "$1"; then
        echo "FAIL: $3: no '$2' in"
        sed 's/^/  | /' "$1"
        failures=$((failures + 1))
    fi
}

expect 0 "allowed" -- --data "$data" --check steve invite osohq
contains "$work/out" "steve invite osohq -> allow" "allowed line"
expect 1 "denied" -- --data "$data" --check leina push osohq/oso
contains "$work/out" "leina push osohq/oso -> deny" "denied line"
expect 2 "unknown user" -- --data "$data" --check bob invite osohq
contains "$work/err" "no user named 'bob'" "unknown user message"
expect 2 "unknown resource" -- --data "$data" --check steve invite acme
contains "$work/err" "no organization or repository named 'acme'" "unknown resource message"
printf '{"organizations": [], "repositories": [{"name": "x/r", "org": "x"}], "users": []}' >"$work/bad.json"
expect 2 "repository of no organization" -- --data "$work/bad.json" --check steve invite osohq
contains "$work/err" "no organization named \"x\"" "broken file message"
: >"$work/empty.json"
expect 2 "empty file" -- --data "$work/empty.json" --check steve invite osohq
expect 2 "--data with --users" -- --data "$data" --users 3 --check steve invite osohq

expect 0 "traced" -- --data "$data" --check steve invite osohq --trace
contains "$work/err" "QUERY RULE: allow(" "trace on stderr"
contains "$work/err" "RESULT:" "trace result"

[[ $failures -eq 0 ]] && echo "check_test: all passed"
exit $((failures > 0))
