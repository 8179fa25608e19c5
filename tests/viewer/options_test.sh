#!/usr/bin/env bash
# options_test.sh VIEWER — the look-and-feel options the lead wires up:
# --theme NAME, --unsafe-flashes, --color-ease DURATION (0..10 s),
# --bpm N (20..300). Listed in --help with their ranges, edges accepted,
# values past them refused with exit 2 and the range named. Runs are
# sound-only replays, so no display is needed.
set -euo pipefail
viewer=$1
source "$(dirname "$0")/test_support.sh"
/usr/bin/python3 "$here/make_recording.py" short "$work/short.rec"
quiet=(--headless --replay "$work/short.rec" --sound-out "$work/out.wav")

help=$("$viewer" --help)
for option in '--theme' '--follow-pace' '--unsafe-flashes' '--color-ease DURATION' '--bpm N:' '--shots' '--loop'; do
    grep -q -- "$option" <<<"$help" || fail "--help does not list $option"
done
grep -q -- '--bpm N:\[20 - 300\]\|--bpm N:20..300\|--bpm N:.*20.*300' <<<"$help" || fail "--help does not show --bpm's range"
accept() { "$viewer" "${quiet[@]}" "$@" >/dev/null || fail "refused: $*"; }
refuse() {  # refuse TEXT ARGS...
    local text=$1 code=0
    shift
    "$viewer" "${quiet[@]}" "$@" >/dev/null 2>"$work/err" || code=$?
    [[ $code == 2 ]] && grep -q -- "$text" "$work/err" || { fail "not refused with '$text': $* (exit $code)"; cat "$work/err"; }
}
accept --theme neon --unsafe-flashes --color-ease 0 --bpm 20
accept --color-ease 10s --bpm 300 --theme ink
accept --color-ease 0.8s --bpm 120.5
accept --follow-pace --bpm 90
refuse "between 20 and 300" --bpm 19.9
refuse "between 20 and 300" --bpm 301
refuse "10s" --color-ease 11s
refuse "color-ease" --color-ease -1s
refuse "no theme 'anything' (themes: diagram, neon, ink" --theme anything
# --theme list names every theme with its description, and needs no display.
list=$(env -u DISPLAY "$viewer" --theme list) || fail "--theme list failed"
for theme in diagram neon ink; do grep -q "^$theme"$'\t' <<<"$list" || fail "--theme list misses $theme"; done
echo "$failures failures"
[[ $failures == 0 ]]
