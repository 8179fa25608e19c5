#!/usr/bin/env bash
# oscquery_test.sh VIEWER LISTEN — a controller discovers and drives the
# viewer over OSCQuery (issue 15), with clients we did not write (curl,
# oscsend) and oscquery_listen (a Beast WebSocket client):
#   1. GET / is the proposal's JSON tree: every node has FULL_PATH; a
#      container has CONTENTS; a parameter has ACCESS, DESCRIPTION, TYPE
#      and RANGE ([{MIN,MAX}] or [{VALS}]) unless it takes no argument,
#      and VALUE when readable.
#   2. GET /?HOST_INFO names the viewer's OSC port and UDP.
#   3. /viewer/zoom f 2.5 sent over OSC reads back from GET /viewer/zoom?VALUE
#      and reaches a WebSocket client that LISTENs to /viewer/zoom.
#   4. A preset recall over OSC changes /viewer/theme, which the tree shows.
set -euo pipefail
viewer=$1 listen=$2
source "$(dirname "$0")/test_support.sh"
need_xvfb
for tool in curl oscsend; do
    command -v $tool >/dev/null || { echo "SKIP: $tool missing (apt-get install curl liblo-tools)"; exit 77; }
done

cat >"$work/bank.json" <<'JSON'
{"version": 1, "presets": {"2": {"name": "ink", "values": {"/viewer/theme": "ink"}}}}
JSON
# Headless, live, for up to 60 s of frames. The OSC port is the system's
# choice; --oscquery-port 0 means "off", so a free TCP port is found here.
http_port=$(free_tcp_port)
xvfb "$viewer" --headless --port 0 --oscquery-port "$http_port" --preset "$work/bank.json" --frames 3600 --every 100000 \
    --out "$work/frames" --no-hud >"$work/out" 2>"$work/err" &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$work"' EXIT
wait_for "$work/out" "OSCQuery on" || true
osc=$(sed -n 's/.*listening on 127.0.0.1:\([0-9]*\).*/\1/p' "$work/out")
http=$(sed -n 's|.*OSCQuery on http://127.0.0.1:\([0-9]*\)/.*|\1|p' "$work/out")
[[ -n "$osc" && -n "$http" ]] || { cat "$work/out" "$work/err"; echo "FAIL: the viewer did not say where it listens"; exit 1; }
base="http://127.0.0.1:$http"

curl -sf "$base/" >"$work/tree.json" || fail "GET / failed"
curl -sf "$base/?HOST_INFO" >"$work/host.json" || fail "GET /?HOST_INFO failed"
/usr/bin/python3 - "$work/tree.json" "$work/host.json" "$osc" <<'PY' || fail "the tree or HOST_INFO lacks required fields"
import json, sys
tree = json.load(open(sys.argv[1])); host = json.load(open(sys.argv[2]))
problems = []
def walk(node, path):
    if node.get("FULL_PATH") != path: problems.append(f"{path}: FULL_PATH {node.get('FULL_PATH')}")
    if "CONTENTS" in node:
        for name, child in node["CONTENTS"].items():
            walk(child, (path.rstrip("/") + "/" + name))
        return
    for field in ("ACCESS", "DESCRIPTION"):
        if field not in node: problems.append(f"{path}: no {field}")
    # The proposal asks TYPE of a method that takes arguments; /viewer/tap
    # takes none (a write-only impulse).
    if "TYPE" not in node and node.get("ACCESS") != 2: problems.append(f"{path}: no TYPE")
    if node.get("ACCESS") in (1, 3) and "VALUE" not in node: problems.append(f"{path}: readable, no VALUE")
    if node.get("TYPE") and "RANGE" not in node: problems.append(f"{path}: no RANGE")
    for r in node.get("RANGE", []):
        if not ("VALS" in r or ("MIN" in r and "MAX" in r)): problems.append(f"{path}: RANGE {r}")
walk(tree, "/")
leaves = json.dumps(tree).count('"FULL_PATH": "/viewer/') + json.dumps(tree).count('"FULL_PATH":"/viewer/')
if host.get("OSC_PORT") != int(sys.argv[3]) or host.get("OSC_TRANSPORT") != "UDP": problems.append(f"HOST_INFO {host}")
zoom = tree["CONTENTS"]["viewer"]["CONTENTS"]["zoom"]
if zoom["TYPE"] != "f" or zoom["RANGE"] != [{"MIN": 0.25, "MAX": 4.0}] or zoom["VALUE"] != [1.0]: problems.append(f"zoom {zoom}")
print("\n".join(problems) if problems else f"ok - tree of {leaves} /viewer nodes, HOST_INFO OSC_PORT {host['OSC_PORT']}")
sys.exit(1 if problems else 0)
PY

"$listen" "$http" /viewer/zoom 1 30 >"$work/ws.out" 2>&1 &
listener=$!
wait_for "$work/ws.out" listening || fail "the WebSocket LISTEN was not answered"
oscsend 127.0.0.1 "$osc" /viewer/zoom f 2.5
value=""
for _ in $(seq 100); do
    value=$(curl -sf "$base/viewer/zoom?VALUE" || true)
    [[ "$value" == '{"VALUE":[2.5]}' ]] && break
    sleep 0.1
done
[[ "$value" == '{"VALUE":[2.5]}' ]] || fail "GET /viewer/zoom?VALUE is $value after /viewer/zoom 2.5"
wait $listener || fail "the LISTENing client got no change: $(cat "$work/ws.out")"
grep -q '^/viewer/zoom f 2.5' "$work/ws.out" || fail "the LISTENing client got: $(cat "$work/ws.out")"

oscsend 127.0.0.1 "$osc" /viewer/preset/recall i 2
theme=""
for _ in $(seq 100); do
    theme=$(curl -sf "$base/viewer/theme?VALUE" || true)
    [[ "$theme" == '{"VALUE":["ink"]}' ]] && break
    sleep 0.1
done
[[ "$theme" == '{"VALUE":["ink"]}' ]] || fail "after recalling preset 2 the theme is $theme"

(( failures == 0 )) && echo "ok - discovered over OSCQuery, driven over OSC, changes streamed over the WebSocket"
exit $(( failures > 0 ))
