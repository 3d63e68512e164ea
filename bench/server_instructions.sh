#!/usr/bin/env bash
# Instructions per call lifecycle in softphone-server's own process (user space: libraries
# included, the kernel not), counted by valgrind's callgrind. Unlike CPU time they do not move
# with the machine from minute to minute, so two builds can be told apart by a few per cent.
# bench_server_load runs twice at a low fixed rate (10 s and 30 s; the server is some 50 times
# slower under callgrind) and the difference is divided by the difference in lifecycles, so
# that start-up and logins cancel out. Periodic work (beats, leases) weighs more per lifecycle
# at this rate than at hundreds of calls per second. Needs valgrind
# (scripts/install-deps.sh --bench).
#   bench/server_instructions.sh [--build-dir DIR] [--server PATH] [--rate R] [--nodes 2]
# With --nodes 2 (PostgreSQL from SOFTPHONE_TEST_POSTGRES, and nats-server): one node alone,
# then a call's owner and the callee's node, each per crossing lifecycle.
set -euo pipefail

default_rate=30
source "$(dirname "$0")/server_count_options.sh"
command -v valgrind >/dev/null && command -v callgrind_annotate >/dev/null ||
    { echo "valgrind is not installed" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/server.sh" <<WRAP
#!/bin/sh
exec valgrind --tool=callgrind --callgrind-out-file=$work/count.%p.out "$(realpath "$server")" "\$@" 2>/dev/null
WRAP
chmod +x "$work/server.sh"

total() {  # the instructions one callgrind output counted
    callgrind_annotate --auto=no --threshold=100 "$1" |
        sed -n 's/^ *\([0-9,]*\) *(100.0%) *PROGRAM TOTALS.*/\1/p' | tr -d ,
}

# Prints the lifecycles completed, then each server's instructions in the order they started.
measure() {
    rm -f "$work"/count.*.out
    local args=(--clients 100 --rate "$rate" --seconds "$1" --server "$work/server.sh")
    [[ -n $nodes ]] && args+=(--nodes "$nodes")
    "$build_dir/bench/bench_server_load" "${args[@]}" |
        sed -n 's/^lifecycles *: \([0-9]*\) .*/\1/p' | tail -1
    for out in $(ls "$work"/count.*.out | sed 's/.*count\.\([0-9]*\)\.out/\1/' | sort -n); do
        total "$work/count.$out.out"
    done
}

mapfile -t short < <(measure 10)
mapfile -t long < <(measure 30)
lifecycles=$(( long[0] - short[0] ))
per() { echo $(( (long[$1] - short[$1]) / lifecycles )); }
if [[ -z $nodes ]]; then
    echo "instructions per lifecycle: $(per 1)"
    exit 0
fi
one=$(per 1) owner=$(per 2) callee=$(per 3)
echo "one node: $one instructions per lifecycle"
echo "two nodes: owner $owner + callee's node $callee = $(( owner + callee )) per crossing lifecycle" \
    "($(awk -v a=$(( owner + callee )) -v b="$one" 'BEGIN { printf "%.2f", a / b }')x)"
