#!/usr/bin/env bash
# Heap allocations per call lifecycle in softphone-server: bench_server_load runs twice at a
# fixed rate (4 s and 8 s) with the server under heaptrack's preload, and the difference in
# allocation calls is divided by the difference in completed lifecycles, so that start-up and
# logins cancel out. Needs heaptrack (scripts/install-deps.sh --bench).
#   bench/server_allocations.sh [--build-dir DIR] [--server PATH] [--rate R]
set -euo pipefail

build_dir=build/ci
server=""
rate=300
while [[ $# -gt 0 ]]; do
    case "$1" in
        --build-dir) build_dir=$2; shift 2 ;;
        --server) server=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
server=${server:-$build_dir/app/server/softphone-server}
preload=/usr/lib/heaptrack/libheaptrack_preload.so
interpret=/usr/lib/heaptrack/libexec/heaptrack_interpret
[[ -f $preload && -x $interpret ]] || { echo "heaptrack is not installed" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/server.sh" <<WRAP
#!/bin/sh
LD_PRELOAD=$preload DUMP_HEAPTRACK_OUTPUT=$work/trace.raw exec "$(realpath "$server")" "\$@"
WRAP
chmod +x "$work/server.sh"

measure() {  # prints "lifecycles allocations"
    local lifecycles
    lifecycles=$("$build_dir/bench/bench_server_load" --clients 400 --rate "$rate" \
        --seconds "$1" --server "$work/server.sh" | sed -n 's/^lifecycles *: \([0-9]*\) .*/\1/p')
    "$interpret" < "$work/trace.raw" | gzip > "$work/trace.gz"
    echo "$lifecycles $(heaptrack_print -f "$work/trace.gz" --print-peaks 0 --print-allocators 0 \
        --print-temporary 0 --print-leaks 0 | sed -n 's/^calls to allocation functions: \([0-9]*\).*/\1/p')"
}

read -r short_calls short_allocs < <(measure 4)
read -r long_calls long_allocs < <(measure 8)
echo "4 s: $short_calls lifecycles, $short_allocs allocations"
echo "8 s: $long_calls lifecycles, $long_allocs allocations"
echo "allocations per lifecycle: $(( (long_allocs - short_allocs) / (long_calls - short_calls) ))"
