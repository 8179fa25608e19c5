#!/usr/bin/env bash
# shots_test.sh VIEWER — the S key writes to --shots DIR.
#
# A real window under Xvfb; press_key.py types S through XTEST. First run:
# DIR (two levels deep) does not exist — it is created and gets
# polar-viewer-000.png. Second run, same DIR, with -001 put there by hand:
# two presses write -002 and -003; -000 and -001 are left as they were
# (never overwritten), and each path is printed.
set -euo pipefail
viewer=$1
source "$(dirname "$0")/test_support.sh"
need_xvfb
/usr/bin/python3 -c 'import ctypes.util, sys; sys.exit(0 if ctypes.util.find_library("Xtst") else 1)' \
    || { echo "SKIP: libXtst missing (apt-get install libxtst6)"; exit 77; }
dir=$work/notes/tonight

/usr/bin/python3 "$here/make_recording.py" short "$work/short.rec"
# session PRESSES LOG — the viewer in a window, S pressed PRESSES times once
# it draws, then Q once every shot is written. Waits are a minute's safety
# net, each ended by what it waits for.
cat >"$work/session.sh" <<SH
set -u
"$viewer" --replay "$work/short.rec" --loop --shots "$dir" --timeout 100 >"\$2" 2>&1 &
pid=\$!
for _ in \$(seq 600); do grep -q 'window open' "\$2" && break; sleep 0.1; done
/usr/bin/python3 "$here/press_key.py" s "\$1"
for _ in \$(seq 600); do (( \$(grep -c 'wrote ' "\$2") >= \$1 )) && break; sleep 0.1; done
/usr/bin/python3 "$here/press_key.py" q
wait \$pid
SH
xvfb bash "$work/session.sh" 1 "$work/first.log" || fail "first run: exit $?"
cat "$work/first.log"
[[ -s $dir/polar-viewer-000.png ]] || fail "first run: $dir/polar-viewer-000.png missing"
grep -q "wrote $dir/polar-viewer-000.png" "$work/first.log" || fail "first run: path not printed"

echo "written by hand" >"$dir/polar-viewer-001.png"
before=$(md5sum "$dir/polar-viewer-000.png" "$dir/polar-viewer-001.png")
xvfb bash "$work/session.sh" 2 "$work/second.log" || fail "second run: exit $?"
cat "$work/second.log"
for n in 002 003; do
    [[ -s $dir/polar-viewer-$n.png ]] || fail "second run: polar-viewer-$n.png missing"
    grep -q "wrote $dir/polar-viewer-$n.png" "$work/second.log" || fail "second run: $n not printed"
done
[[ $(md5sum "$dir/polar-viewer-000.png" "$dir/polar-viewer-001.png") == "$before" ]] || fail "an existing shot was overwritten"
ls "$dir"
echo "$failures failures"
[[ $failures == 0 ]]
