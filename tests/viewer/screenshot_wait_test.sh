#!/usr/bin/env bash
# screenshot_wait_test.sh VIEWER CHECKER — `--screenshot FILE --after N`
# when the N-th event ends a query (the stack back at depth 0).
#
# `ends`: the 6th event ends the first query; a second one reaches depth 3
# half a second later. The picture must wait for it: exit 0 and 3 squares
# (it used to be taken at once: an empty screen). Headless and from a real
# window. `ends-final`: nothing follows the first query, so the picture is
# still written, empty, and the program says why and exits 3. `--after 7`
# on that 6-event recording: nothing more can come, so it gives up at once
# (exit 3, said why) instead of waiting out the 60 s --timeout.
set -euo pipefail
viewer=$1 checker=$2
source "$(dirname "$0")/test_support.sh"
need_xvfb

/usr/bin/python3 "$here/make_recording.py" ends "$work/ends.rec"
/usr/bin/python3 "$here/make_recording.py" ends-final "$work/final.rec"

for mode in headless window; do
    extra=()
    [[ $mode == headless ]] && extra=(--headless)
    code=0
    xvfb "$viewer" --theme diagram "${extra[@]}" --replay "$work/ends.rec" --screenshot "$work/$mode.png" --after 6 --no-hud \
        --timeout 60 || code=$?
    [[ $code == 0 ]] || fail "$mode: exit $code, expected 0"
    "$checker" "$work/$mode.png" --squares 3 || fail "$mode: the picture does not show the second query's 3 squares"
done

code=0
xvfb "$viewer" --theme diagram --headless --replay "$work/final.rec" --screenshot "$work/final.png" --after 6 --no-hud \
    2>"$work/final.err" || code=$?
cat "$work/final.err"
[[ $code == 3 ]] || fail "stack stayed empty: exit $code, expected 3"
grep -q 'the stack stayed empty after event 6: the query had ended' "$work/final.err" || fail "stack stayed empty: message"
[[ -s $work/final.png ]] || fail "stack stayed empty: no picture written"
code=0
xvfb "$viewer" --headless --replay "$work/final.rec" --screenshot "$work/short.png" --after 7 --no-hud \
    2>"$work/short.err" || code=$?
cat "$work/short.err"
[[ $code == 3 ]] || fail "--after past the recording: exit $code, expected 3"
grep -q 'the recording ended after 6 events, before --after 7' "$work/short.err" || fail "--after past the recording: message"
if grep -q 'timed out' "$work/short.err"; then fail "--after past the recording: waited for --timeout"; fi
echo "$failures failures"
[[ $failures == 0 ]]
