#!/usr/bin/env bash
# coaster_live_test.sh VIEWER GITHUB — the seed's query ridden live (issue 16):
# polar-github broadcasts allow(steve, "invite", osohq) on hackathon.json
# (address space 1.3, values on) into polar-viewer --mode coaster, headless;
# the tree the viewer built (--tree-out) is the tree of the same check's
# trace, ours and Oso's (fixtures/), with every rule entry placed by its
# call ordinal (0 guessed) — and the same for the denied check that backtracks.
set -euo pipefail
viewer=$1 github=$2
source "$(dirname "$0")/test_support.sh"
need_xvfb
data="$here/../../examples/github/hackathon.json"
pids=()
trap 'for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

ride_live() {  # NAME USER ACTION RESOURCE
    local name=$1
    shift
    # The picture is taken once the check's query has ended, however long
    # the sender takes to start on a busy machine (--timeout only guards a hang).
    xvfb "$viewer" --port 0 --headless --mode coaster --screenshot "$work/$name.png" --after-queries 1 \
        --tree-out "$work/$name.live" --oscquery-port 0 --timeout 120 >"$work/$name.log" 2>&1 &
    local pid=$!
    pids+=("$pid")
    wait_for "$work/$name.log" 'listening on' || { cat "$work/$name.log"; fail "$name: the viewer never listened"; return; }
    local port
    port=$(sed -n 's/.*listening on [^:]*:\([0-9]*\).*/\1/p' "$work/$name.log" | head -1)
    "$github" --data "$data" --check "$@" --osc "127.0.0.1:$port" --osc-values >"$work/$name.github" || true
    wait "$pid" || { cat "$work/$name.log"; fail "$name: viewer exit $?"; return; }
    ride_trace "$name" "$here/fixtures/$name.polar.trace" polar
    ride_trace "$name" "$here/fixtures/$name.oso.trace" oso
    head -1 "$work/$name.live" | grep -q ' 0 guessed, 0 orphans' \
        || fail "$name: $(head -1 "$work/$name.live") (entries not placed by their call ordinal)"
    grep -v '^# source' "$work/$name.live" >"$work/$name.live.body" || true
    for engine in polar oso; do
        cmp -s "$work/$name.live.body" "$work/$name.$engine.body" \
            || { diff "$work/$name.live.body" "$work/$name.$engine.body" | head; fail "$name: live tree differs from the $engine trace's"; }
    done
    grep -q 'call has_role' "$work/$name.live.body" || fail "$name: no has_role call in the live tree"
}

ride_trace() {  # NAME FILE ENGINE
    xvfb "$viewer" --headless --mode coaster --trace "$2" --trace-pace 5ms --frames 20 --out "$work/$1.$3" \
        --tree-out "$work/$1.$3.tree" --oscquery-port 0 --timeout 60 >/dev/null || fail "$1 $3 trace: exit $?"
    grep -v '^# source' "$work/$1.$3.tree" >"$work/$1.$3.body" || true
}

ride_live steve_invite steve invite osohq
ride_live leina_push leina push osohq/oso
grep -q 'result 1 succeeded' "$work/steve_invite.live.body" || fail "steve: no station for the result"
(( failures == 0 )) && echo "ok - the seed's query and a denied check ride live into the trees of their traces"
exit $(( failures > 0 ))
