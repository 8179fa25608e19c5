#!/usr/bin/env bash
# oscquery_polar.sh POLAR POLAR_GITHUB — the senders describe their OSC
# stream over OSCQuery (osc/README.md, "OSCQuery"): with --osc and
# --oscquery-port P, `polar query` and `polar-github` serve the read-only
# /polar/... namespace on P while they run; curl reads it.
#
# Each program is started in the background on a slow stream (`polar query
# --pace 1h` waits an hour for its second event; `polar-github --forever`
# never ends), so it is surely still running when curl asks; the test then
# stops it by its pid. Waits poll for their evidence; the minute they allow
# is a hang guard, not a measure. Exits 77 (ctest's skip) without curl.
# Run from tests/cli/fixtures (ctest does).
set -uo pipefail

polar=${1:?usage: oscquery_polar.sh POLAR POLAR_GITHUB}
github=${2:?usage: oscquery_polar.sh POLAR POLAR_GITHUB}
command -v curl >/dev/null || { echo "SKIP: curl not found"; exit 77; }
python=/usr/bin/python3

work=$(mktemp -d)
pid=
cleanup() {
    if [[ -n $pid ]]; then
        kill "$pid" 2>/dev/null
        wait "$pid" 2>/dev/null
    fi
    rm -rf "$work"
}
trap cleanup EXIT

checks=0
failures=0
# check DESCRIPTION COMMAND... — "ok" or "FAIL" with the outputs of the run.
check() {
    local description=$1
    shift
    checks=$((checks + 1))
    if "$@"; then
        echo "ok   - $description"
    else
        failures=$((failures + 1))
        echo "FAIL - $description"
        for f in "$work"/*.err "$work"/*.json "$work"/*.host; do
            [[ -f $f ]] && cut -c1-300 "$f" | head -5 | sed "s|^|       $(basename "$f")| |"
        done
    fi
}

# A free port now (the kernel's choice); it could be taken again before the
# program binds it, which this test would report as a failure to serve.
free_port() {
    "$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# serve NAME COMMAND... — start COMMAND, wait for its "OSCQuery on URL" line,
# fetch the root, HOST_INFO and an unknown path into $work/NAME.*; the
# program stays running (pid) until stop.
serve() {
    local name=$1 k url
    shift
    "$@" >"$work/$name.out" 2>"$work/$name.err" &
    pid=$!
    for k in $(seq 1 600); do
        grep -q 'OSCQuery on http' "$work/$name.err" && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$work/$name.err" | head -1)
    [[ -n $url ]] || return 1
    curl -sS --max-time 60 "$url" >"$work/$name.json"
    curl -sS --max-time 60 "${url}?HOST_INFO" >"$work/$name.host"
    curl -sS --max-time 60 -o /dev/null -w '%{http_code}' "${url}polar/nothing" >"$work/$name.404"
}

stop() {
    kill "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null
    pid=
}

# has_depth NAME OSC_PORT — /polar/depth is there, TYPE "if", read-only, and
# HOST_INFO names the destination port.
has_depth() {
    "$python" - "$work/$1.json" "$work/$1.host" "$2" <<'PY'
import json, sys
root = json.load(open(sys.argv[1]))
host = json.load(open(sys.argv[2]))
depth = root["CONTENTS"]["polar"]["CONTENTS"]["depth"]
assert root["FULL_PATH"] == "/", root
assert depth["FULL_PATH"] == "/polar/depth", depth
assert depth["TYPE"] == "if", depth
assert depth["ACCESS"] == 0, depth
assert "output stream" in depth["DESCRIPTION"], depth
assert root["CONTENTS"]["polar"]["CONTENTS"]["policy"]["CONTENTS"]["loaded"]["TYPE"] == "ssii"
rule = root["CONTENTS"]["polar"]["CONTENTS"]["rule"]
assert rule["TYPE"] == "siii", rule
assert rule["CONTENTS"]["enter"]["TYPE"] == "siiiii", rule
assert host["OSC_PORT"] == int(sys.argv[3]), host
assert host["OSC_TRANSPORT"] == "UDP", host
PY
}

sink=$(free_port)

port=$(free_port)
check "polar query --oscquery-port serves its namespace" \
    serve query "$polar" query family.polar -q 'ancestor("ada", x)' --osc "127.0.0.1:$sink" \
    --pace 1h --oscquery-port "$port"
check "polar query: /polar/depth has TYPE if, ACCESS 0; HOST_INFO OSC_PORT is the destination's" \
    has_depth query "$sink"
check "polar query: an unknown path is a 404" grep -qx 404 "$work/query.404"
stop

port=$(free_port)
check "polar-github --oscquery-port serves its namespace" \
    serve github "$github" --forever --interval 100ms --osc "127.0.0.1:$sink" --oscquery-port "$port"
check "polar-github: /polar/depth has TYPE if, ACCESS 0" has_depth github "$sink"

# While polar-github holds the port, a second server on it is refused
# before any work, with the reason, exit 2.
busy() {
    "$polar" query family.polar -q 'parent("ada", x)' --osc "127.0.0.1:$sink" \
        --oscquery-port "$port" >"$work/busy.out" 2>"$work/busy.err"
    local code=$?
    [[ $code == 2 ]] && grep -q 'cannot listen on 127.0.0.1:' "$work/busy.err"
}
check "a port in use: exit 2, 'cannot listen on'" busy
stop

# Without a stream there is nothing to describe: a warning, and the query
# runs as it always does.
nothing() {
    "$polar" query family.polar -q 'parent("ada", x)' --oscquery-port "$(free_port)" \
        >"$work/none.out" 2>"$work/none.err" &&
        grep -q 'nothing to describe without --osc or POLAR_OSC' "$work/none.err" &&
        grep -q 'ben' "$work/none.out"
}
check "--oscquery-port without --osc: a warning, the query runs" nothing
help_mentions() { "$polar" query --help | grep -q -- '--oscquery-port' && "$github" --help | grep -q -- '--oscquery-port'; }
check "--help of both programs lists --oscquery-port" help_mentions

echo "$checks checks, $failures failed"
[[ $failures == 0 ]]
