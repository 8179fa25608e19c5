#!/usr/bin/env bash
# flood.sh — fault: a receiver flooded with random datagrams.
# polar_fault_tool floods a live `polar-osc dump` with FAULT_FLOOD_COUNT
# datagrams (1,000,000; noise, packets with bytes flipped, packets cut short,
# valid packets), paced by the receiver's queue so the kernel drops none and
# the counts must match exactly: dump's "dumped N datagrams (M malformed)"
# against the tool's own count, made with the same parseDatagram(). Then a
# real `polar query --osc` to the same receiver must still be heard. A
# smaller flood (10,000: the recording keeps every byte as hex, ~5 MB)
# goes to `polar-osc record`, which counts the same way.
# Run by ctest as faults/flood (environment: see lib.sh; FAULT_FLOOD_COUNT).
source "$(dirname "$0")/lib.sh"

count=${FAULT_FLOOD_COUNT:-1000000}
seed=20261121

# flood_into NAME COUNT ARGS... — start `polar-osc ARGS... --port 0`, flood it,
# send a valid hello, then a real query. Leaves the tool's pid in $receiver.
flood_into() {
    local name=$1 n=$2
    shift 2
    # Only the lines the test looks for are kept: a million lines of dump
    # output would cost disk and time, and prove nothing more.
    "$FAULT_OSC_TOOL" "$@" --port 0 2>"$scratch/$name.err" \
        > >(grep --line-buffered -E 'flood-end|/polar/query/end' >"$scratch/$name.out") &
    receiver=$!
    pids+=("$receiver")
    local port
    port=$(port_in "$scratch/$name.err") || port=0
    run "$FAULT_TOOL" flood "$port" "$n" "$seed"
    expect_code 0 "$name: $n random datagrams sent, none lost on the way"
    cp "$scratch/out" "$scratch/$name.flood"
    run "$FAULT_TOOL" send "$port" flood-end
    run "$FAULT_POLAR" query --osc "127.0.0.1:$port" "$policy" -q "$normal_query"
    expect_code 0 "$name: the next query answers"
    check "$name: and its OSC goes out without a loss" not_in "warning: OSC" "$scratch/err"
    run "$FAULT_TOOL" drained "$port"
    expect_code 0 "$name: the receiver takes everything that was sent"
}
not_in() { ! grep -q -- "$1" "$2"; }
# sent_counts NAME — sets sent and sent_bad: the datagrams the flood tool
# sent and how many of them parseDatagram() calls malformed.
sent_counts() {
    sent=$(grep -oE '[0-9]+ datagrams' "$scratch/$1.flood" | grep -oE '[0-9]+' || echo -1)
    sent_bad=$(grep -oE '\([0-9]+ malformed' "$scratch/$1.flood" | grep -oE '[0-9]+' || echo -1)
}

flood_into dump "$count" dump
check "dump: the valid message after the flood is printed" \
    wait_for "$scratch/dump.out" '/polar/hello ssi "1\.0" "flood-end" 1'
check "dump: and so is the query after it" wait_for "$scratch/dump.out" '/polar/query/end'
sent_counts dump
stop "$receiver" TERM
cp "$scratch/dump.err" "$scratch/err"
expect_code 0 "dump: ends normally on SIGTERM after the flood"
# The flood, then the hello, then the query's datagrams: the malformed
# count is exactly the flood's; the datagram count is at least flood + 2.
total=$(grep -oE 'dumped [0-9]+ datagrams' "$scratch/dump.err" | grep -oE '[0-9]+' || echo 0)
malformed=$(grep -oE '\([0-9]+ malformed\)' "$scratch/dump.err" | grep -oE '[0-9]+' || echo -1)
check "dump: counted every datagram ($total for $sent + a hello + a query)" \
    test "$total" -ge $((sent + 2))
check "dump: counted exactly the $sent_bad malformed ones" test "$malformed" = "$sent_bad"
check "dump: the flood really was hostile (over a quarter malformed)" \
    test "$malformed" -gt $((count / 4))

flood_into record 10000 record "$scratch/flood.rec"
sent_counts record
stop "$receiver" INT
cp "$scratch/record.err" "$scratch/err"
expect_code 0 "record: ends normally on SIGINT after the flood"
check "record: counted exactly the $sent_bad malformed ones" \
    grep -qF ", $sent_bad malformed) in " "$scratch/record.err"
run "$FAULT_OSC_TOOL" dump --file "$scratch/flood.rec"
expect_out '/polar/hello ssi "1\.0" "flood-end" 1' "record: the valid message after the flood is in the recording"
expect_out '/polar/query/end' "record: and so is the query after it"

finish
