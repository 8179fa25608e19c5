# test_support.sh — what the viewer's test scripts share. Source it after
# `set -euo pipefail` and reading the script's arguments:
#   source "$(dirname "$0")/test_support.sh"
# It gives: `here` (this folder), `work` (a scratch folder, removed on
# exit), `fail MESSAGE` counting into `failures`, `xvfb CMD...` (CMD under a
# 1280x720 Xvfb) and `need_xvfb` (skip, 77, where xvfb-run is missing).
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
xvfb() { xvfb-run -a -s "-screen 0 1280x720x24" "$@"; }
need_xvfb() { command -v xvfb-run >/dev/null || { echo "SKIP: xvfb-run missing (apt-get install xvfb xauth)"; exit 77; }; }
