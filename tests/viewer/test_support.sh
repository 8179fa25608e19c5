# test_support.sh — what the viewer's test scripts share. Source it after
# `set -euo pipefail` and reading the script's arguments:
#   source "$(dirname "$0")/test_support.sh"
# It gives: `here` (this folder), `work` (a scratch folder, removed on
# exit), `fail MESSAGE` counting into `failures`, `xvfb CMD...` (CMD under
# its own 1280x720 Xvfb, see with_xvfb.sh) and `need_xvfb` (skip, 77, where
# Xvfb is missing); `wait_for FILE PATTERN` (true once FILE holds PATTERN,
# polled for up to 30 s: a hang guard, never a verdict on speed) and
# `free_tcp_port` (a TCP port free on 127.0.0.1 now, for --oscquery-port,
# where 0 means "off").
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# Started in the background (`xvfb CMD &`), the function runs in a subshell
# of its own: it execs the wrapper there, so `$!` is the wrapper's pid and
# `kill $!` reaches the command (with_xvfb.sh forwards it).
xvfb() {
    if [[ $BASHPID != "$$" ]]; then exec bash "$here/with_xvfb.sh" "$@"; fi
    bash "$here/with_xvfb.sh" "$@"
}
need_xvfb() { command -v Xvfb >/dev/null || { echo "SKIP: Xvfb missing (apt-get install xvfb)"; exit 77; }; }
wait_for() {
    for _ in $(seq 300); do grep -q "$2" "$1" 2>/dev/null && return 0; sleep 0.1; done
    return 1
}
free_tcp_port() {
    /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
