#!/usr/bin/env bash
# agree.sh — polar-github and Oso 0.27.3 on the same data, the same checks.
#
#   examples/github/oso/agree.sh [POLAR_GITHUB] [polar-github options...]
#
# POLAR_GITHUB defaults to build/examples/github/polar-github. Extra options
# (e.g. --users 500 --seed 7 --mix pull:1) shape the data set and workload;
# SAMPLE (default 2000) is the number of checks compared. Installs oso from
# npm into examples/github/oso/node_modules the first time. Prints each
# disagreement, then `N agree, M disagree`; exits non-zero on any.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
binary=$here/../../../build/examples/github/polar-github
if [[ $# -gt 0 && $1 != -* ]]; then
    binary=$1
    shift
fi
[[ -x $binary ]] || { echo "agree.sh: no polar-github at $binary (run ./run build)" >&2; exit 2; }
command -v node >/dev/null && command -v npm >/dev/null ||
    { echo "agree.sh: needs node and npm" >&2; exit 2; }

if [[ ! -f $here/node_modules/oso/package.json ]]; then
    echo "agree.sh: installing oso 0.27.3 into $here/node_modules" >&2
    (cd "$here" && npm install --no-audit --no-fund --silent)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$binary" --json-dump "$work/data.json" --sample "${SAMPLE:-2000}" \
          --sample-out "$work/checks.json" "$@"
node "$here/check_against_oso.js" "$work/data.json" "$work/checks.json" "$here/../github.polar"
