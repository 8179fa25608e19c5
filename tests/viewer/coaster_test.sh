#!/usr/bin/env bash
# coaster_test.sh VIEWER — the Polarcoaster end to end (issue 16), on the
# seed's query allow(steve, "invite", osohq) and a denied check that
# backtracks (fixtures/README.md says how the traces were made).
#
#  1. Approved pictures: our trace of the seed's query ridden headless at
#     250 ms an event, frames 1 s, 2 s and 3 s in (the cart on its way, at
#     the station), no HUD; and the denied check 4 s in with the mouse
#     (--hover) over a node: its tooltip. compare_images.py, as every
#     approved image; POLAR_APPROVE=1 writes them (look at them first).
#  2. Oso's trace and ours of each check ride into the same tree (--tree-out).
#  3. The tree is drawn, not the squares: the cart's yellow is in the
#     picture in coaster mode and nowhere in squares mode.
#  4. A trace that is not one is refused (exit 2, saying why), a missing
#     file too; --hover takes only X,Y fractions; --after-queries needs
#     --screenshot.
set -euo pipefail
viewer=$1
source "$(dirname "$0")/test_support.sh"
need_xvfb
/usr/bin/python3 -c 'import numpy, PIL' 2>/dev/null || { echo "SKIP: python3-numpy / python3-pil missing"; exit 77; }
fixtures="$here/fixtures"
common=(--headless --mode coaster --no-hud --oscquery-port 0 --timeout 60)

# 1. Approved pictures.
xvfb "$viewer" "${common[@]}" --trace "$fixtures/steve_invite.polar.trace" --trace-pace 250ms \
    --frames 181 --every 60 --out "$work/steve" >"$work/steve.out" || fail "steve: exit $?"
xvfb "$viewer" "${common[@]}" --trace "$fixtures/leina_push.polar.trace" --trace-pace 250ms \
    --hover 0.162,0.383 --frames 241 --every 240 --out "$work/leina" >"$work/leina.out" || fail "leina: exit $?"
for pair in steve/frame_00001:coaster_steve_1s steve/frame_00002:coaster_steve_2s steve/frame_00003:coaster_steve_3s \
            leina/frame_00001:coaster_leina_hover; do
    actual="$work/${pair%%:*}.png" approved="$here/approved/${pair##*:}.png"
    if [[ "${POLAR_APPROVE:-}" == 1 ]]; then
        cp "$actual" "$approved" && echo "approved: wrote $approved"
        continue
    fi
    /usr/bin/python3 "$here/compare_images.py" "$actual" "$approved" \
        || { cp "$actual" "/tmp/${pair##*:}.actual.png"; fail "${pair##*:}: differs from the approved image (actual in /tmp)"; }
done

# 2. One tree from Oso's trace and from ours.
for check in steve_invite leina_push; do
    for engine in oso polar; do
        xvfb "$viewer" "${common[@]}" --trace "$fixtures/$check.$engine.trace" --trace-pace 10ms \
            --frames 30 --out "$work/$check.$engine" --tree-out "$work/$check.$engine.tree" >/dev/null \
            || fail "$check.$engine: exit $?"
        grep -v '^# source' "$work/$check.$engine.tree" >"$work/$check.$engine.body" || true
    done
    grep -q 'call has_role' "$work/$check.polar.body" || fail "$check: no has_role call in the tree"
    cmp -s "$work/$check.oso.body" "$work/$check.polar.body" \
        || { diff "$work/$check.oso.body" "$work/$check.polar.body" | head -20; fail "$check: Oso's trace and ours ride different trees"; }
done
grep -q 'rule has_role \[1\] failed' "$work/leina_push.polar.body" || fail "leina: the second has_role alternative is not marked failed"

# 3. The cart is drawn in coaster mode only.
cart_pixels() {
    /usr/bin/python3 -c '
import sys, numpy as np
from PIL import Image
a = np.asarray(Image.open(sys.argv[1]).convert("RGB"), dtype=np.int16)
print(int((np.abs(a - np.array([255, 196, 54])).max(axis=2) <= 6).sum()))' "$1"
}
xvfb "$viewer" --headless --no-hud --oscquery-port 0 --timeout 60 --trace "$fixtures/steve_invite.polar.trace" \
    --trace-pace 250ms --frames 121 --every 120 --out "$work/squares" >/dev/null || fail "squares: exit $?"
coaster=$(cart_pixels "$work/steve/frame_00002.png")
squares=$(cart_pixels "$work/squares/frame_00001.png")
(( coaster > 200 )) || fail "coaster mode: only $coaster pixels of the cart"
(( squares == 0 )) || fail "squares mode: $squares cart-coloured pixels"

# 4. Bad input. A trace with a 3 MB line in it still rides (the line is cut).
{ head -c 3000000 /dev/zero | tr '\0' 'x'; echo; cat "$fixtures/steve_invite.polar.trace"; } >"$work/long.trace"
xvfb "$viewer" --headless --mode coaster --trace "$work/long.trace" --trace-pace 5ms --frames 30 --out "$work/long" \
    --tree-out "$work/long.tree" --oscquery-port 0 --timeout 60 >/dev/null || fail "a 3 MB line: exit $?"
grep -q 'result 1 succeeded' "$work/long.tree" || fail "a 3 MB line: the ride lost the trace after it"
printf 'hello\nworld\n' >"$work/not.trace"
set +e
xvfb "$viewer" --headless --mode coaster --trace "$work/not.trace" --frames 1 --oscquery-port 0 >/dev/null 2>"$work/not.err"
code=$?
xvfb "$viewer" --headless --mode coaster --trace "$work/missing.trace" --frames 1 --oscquery-port 0 >/dev/null 2>"$work/missing.err"
missing=$?
"$viewer" --headless --mode coaster --hover 2,0.5 --frames 1 >/dev/null 2>"$work/hover.err"
hover=$?
"$viewer" --headless --mode coaster --after-queries 1 --frames 1 >/dev/null 2>"$work/after.err"
after=$?
set -e
(( code == 2 )) && grep -q 'no trace lines' "$work/not.err" || { cat "$work/not.err"; fail "a non-trace: exit $code"; }
(( missing == 2 )) && grep -q 'cannot read' "$work/missing.err" || { cat "$work/missing.err"; fail "a missing trace: exit $missing"; }
(( hover == 2 )) && grep -q 'X,Y' "$work/hover.err" || { cat "$work/hover.err"; fail "--hover 2,0.5: exit $hover"; }
(( after == 2 )) && grep -q 'needs --screenshot' "$work/after.err" || { cat "$work/after.err"; fail "--after-queries without --screenshot: exit $after"; }

(( failures == 0 )) && echo "ok - coaster: approved rides, one tree from both engines' traces, drawn only in its mode, bad input refused"
exit $(( failures > 0 ))
