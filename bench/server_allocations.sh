#!/usr/bin/env bash
# Heap allocations per call lifecycle in softphone-server: bench_server_load runs twice at a
# fixed rate (4 s and 8 s) with the server under heaptrack's preload, and the difference in
# allocation calls is divided by the difference in completed lifecycles, so that start-up and
# logins cancel out. Needs heaptrack (scripts/install-deps.sh --bench).
#   bench/server_allocations.sh [--build-dir DIR] [--server PATH] [--rate R] [--nodes 2]
# With --nodes 2 (PostgreSQL from SOFTPHONE_TEST_POSTGRES, and nats-server): one node alone,
# then a call's owner and the callee's node, each per crossing lifecycle.
set -euo pipefail

default_rate=300
source "$(dirname "$0")/server_count_options.sh"
preload=/usr/lib/heaptrack/libheaptrack_preload.so
interpret=/usr/lib/heaptrack/libexec/heaptrack_interpret
[[ -f $preload && -x $interpret ]] || { echo "heaptrack is not installed" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/server.sh" <<WRAP
#!/bin/sh
LD_PRELOAD=$preload DUMP_HEAPTRACK_OUTPUT=$work/trace.\$\$.raw exec "$(realpath "$server")" "\$@"
WRAP
chmod +x "$work/server.sh"

allocations() {  # the allocation calls in one raw trace
    "$interpret" < "$1" | gzip > "$work/trace.gz"
    heaptrack_print -f "$work/trace.gz" --print-peaks 0 --print-allocators 0 \
        --print-temporary 0 --print-leaks 0 | sed -n 's/^calls to allocation functions: \([0-9]*\).*/\1/p'
}

measure() {  # prints "lifecycles allocations"
    rm -f "$work"/trace.*.raw
    local lifecycles
    lifecycles=$("$build_dir/bench/bench_server_load" --clients 400 --rate "$rate" \
        --seconds "$1" --server "$work/server.sh" | sed -n 's/^lifecycles *: \([0-9]*\) .*/\1/p')
    echo "$lifecycles $(allocations "$(ls "$work"/trace.*.raw)")"
}

# One node alone, then two: prints "lifecycles allocations" for the node alone, then for the
# two nodes' run, node 0 (the callers', the calls' owner) and node 1 (the callees').
measure_nodes() {
    rm -f "$work"/trace.*.raw
    local lifecycles
    lifecycles=$("$build_dir/bench/bench_server_load" --nodes 2 --clients 400 --rate "$rate" \
        --seconds "$1" --server "$work/server.sh" | sed -n 's/^lifecycles *: \([0-9]*\) .*/\1/p')
    local traces=($(for trace in "$work"/trace.*.raw; do  # by pid: the order they started in
        pid=${trace##*/trace.}
        echo "${pid%.raw} $trace"
    done | sort -n | cut -d' ' -f2))
    [[ ${#traces[@]} -eq 3 ]] || { echo "expected 3 server traces, found ${#traces[@]}" >&2; exit 1; }
    local single=${lifecycles%%$'\n'*} cluster=${lifecycles##*$'\n'}
    echo "$single $(allocations "${traces[0]}") $cluster $(allocations "${traces[1]}") $(allocations "${traces[2]}")"
}

if [[ -n $nodes ]]; then
    read -r s1 a1 c1 o1 n1 < <(measure_nodes 4)
    read -r s2 a2 c2 o2 n2 < <(measure_nodes 8)
    echo "one node: $(( (a2 - a1) / (s2 - s1) )) allocations per lifecycle"
    echo "two nodes: owner $(( (o2 - o1) / (c2 - c1) )) + callee's node $(( (n2 - n1) / (c2 - c1) )) = $(( (o2 - o1 + n2 - n1) / (c2 - c1) )) per crossing lifecycle"
    exit 0
fi

read -r short_calls short_allocs < <(measure 4)
read -r long_calls long_allocs < <(measure 8)
echo "4 s: $short_calls lifecycles, $short_allocs allocations"
echo "8 s: $long_calls lifecycles, $long_allocs allocations"
echo "allocations per lifecycle: $(( (long_allocs - short_allocs) / (long_calls - short_calls) ))"
