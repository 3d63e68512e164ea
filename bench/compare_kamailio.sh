#!/usr/bin/env bash
# softphone-server beside Kamailio, alternately in the same minutes.
#
# Kamailio 5.6 (Debian; -x tlsf -X tlsf, 2 UDP workers, bench/kamailio.cfg) runs as a
# transaction-stateful proxy between a SIPp caller and a SIPp callee (bench/sipp_*.xml:
# INVITE/100/180/200/ACK/BYE/200). It is started once and warmed up; then each round runs,
# one after the other:
#   SIPp through Kamailio at the target rate;
#   bench_server_load --rate 0 (as fast as it goes), which starts its own softphone-server;
#   SIPp through Kamailio at the fixed rate;
#   bench_server_load at the fixed rate;
# and the script prints calls/s, server CPU per call, invite -> ring p50/p99 for every run,
# and the ratios. See README.md, "Benchmarks". Run as root: Kamailio, SIPp and tcpdump are
# installed from Debian when missing (scripts/install-deps.sh --bench), and tcpdump captures
# the caller's port on lo to time INVITE -> 180 on the wire (SIPp's own response times
# come in steps of its clock, several ms).
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: bench/compare_kamailio.sh [options]
  --rounds N             rounds, each with all four runs (default 3)
  --seconds S            length of each run (default 10)
  --kamailio-rate R      SIPp's target rate through Kamailio, calls/s (default 4000)
  --fixed-rate R         the rate both are also run at, calls/s (default 1000)
  --clients N            bench_server_load connections, caller/callee pairs (default 400)
  --build-dir DIR        where bench/bench_server_load is built (default build/ci)
  --server-binary PATH   softphone-server for bench_server_load to run (its --server)
EOF
}

repo=$(cd "$(dirname "$0")/.." && pwd)
rounds=3
seconds=10
kamailio_rate=4000
fixed_rate=1000
clients=400
build_dir=build/ci
server_binary=""

while (($#)); do
    case "$1" in
        --rounds) rounds=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --kamailio-rate) kamailio_rate=$2; shift 2 ;;
        --fixed-rate) fixed_rate=$2; shift 2 ;;
        --clients) clients=$2; shift 2 ;;
        --build-dir) build_dir=$2; shift 2 ;;
        --server-binary) server_binary=$2; shift 2 ;;
        -h|--help) usage; exit 0 ;;
        *) usage >&2; exit 2 ;;
    esac
done

[[ "$build_dir" = /* ]] || build_dir="$repo/$build_dir"
bench_binary="$build_dir/bench/bench_server_load"
proxy_port=35060
caller_port=35061
callee_port=35062
# Kamailio's tm keeps a finished transaction for its wait timer (5 s) before it frees it;
# the CPU sample is taken after that, so that every call's whole cost is counted.
settle_seconds=6
# SIPp's sockets as large as the kernel allows (rmem_max), like Kamailio's (maxbuffer).
socket_buffer=$(cat /proc/sys/net/core/rmem_max)

install_missing() {
    command -v kamailio >/dev/null && command -v sipp >/dev/null &&
        command -v tcpdump >/dev/null && return
    "$repo/scripts/install-deps.sh" --bench
}

check_ready() {
    [[ $(id -u) -eq 0 ]] || { echo "compare_kamailio: run as root (tcpdump on lo)" >&2; exit 1; }
    [[ -x "$bench_binary" ]] || {
        echo "compare_kamailio: $bench_binary is missing; build it with" >&2
        echo "  cmake --build $build_dir --target bench_server_load softphone-server" >&2
        exit 1
    }
    [[ -z "$server_binary" || -x "$server_binary" ]] || {
        echo "compare_kamailio: $server_binary is not executable" >&2
        exit 1
    }
}

work=$(mktemp -d)
started_pids=()
cleanup() {
    local pid
    for pid in "${started_pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# Starts a command in the background and remembers it for the cleanup.
start() {
    "$@" &
    started_pids+=($!)
    last_pid=$!
}

# Stops one of them and forgets it, so that the cleanup never signals a reused pid.
stop() {
    local signal=${2:-TERM} kept=() pid
    kill -s "$signal" "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
    for pid in "${started_pids[@]}"; do
        [[ "$pid" == "$1" ]] || kept+=("$pid")
    done
    started_pids=("${kept[@]}")
}

descendants() {
    local child
    echo "$1"
    for child in $(pgrep -P "$1" || true); do
        descendants "$child"
    done
}

# User + system CPU of a process and all its descendants, in clock ticks.
tree_ticks() {
    local pid total=0 ticks
    for pid in $(descendants "$1"); do
        ticks=$(sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk '{print $12 + $13}') || ticks=0
        total=$((total + ${ticks:-0}))
    done
    echo "$total"
}

now_ns() { date +%s%N; }
# Datagrams the kernel dropped because a receive buffer was full (any UDP socket).
udp_receive_drops() { awk '$1 == "Udp:" && $2 ~ /^[0-9]/ { print $6 }' /proc/net/snmp; }
load_average() { cut -d' ' -f1 /proc/loadavg; }

wait_for_line() {  # file pattern: waits up to 5 s for a line matching pattern
    for _ in $(seq 50); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "compare_kamailio: timed out waiting for '$2' in $1" >&2
    return 1
}

# The last value of a column of SIPp's statistics file.
sipp_stat() {
    awk -F';' -v name="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == name) c = i }
                            END { print $c + 0 }' "$1"
}

results=()  # "round system rate calls_per_s cpu_us_per_call core_percent p50 p99 failed load"

# One Kamailio and one SIPp callee serve every Kamailio run, as a proxy in service would;
# a first unmeasured run at the fixed rate warms them up (fresh shared memory pages, caches).
start_kamailio() {
    local dir="$work/kamailio"
    mkdir -p "$dir"
    start kamailio -DD -E -f "$repo/bench/kamailio.cfg" -x tlsf -X tlsf -m 1024 -M 16 -n 2 \
        -l "udp:127.0.0.1:$proxy_port" -Y "$dir" -w "$dir" \
        -A "UAS_URI=\"sip:127.0.0.1:$callee_port\"" >"$dir/kamailio.log" 2>&1
    kamailio_pid=$last_pid
    start sipp -sf "$repo/bench/sipp_uas.xml" -i 127.0.0.1 -p "$callee_port" \
        -buff_size "$socket_buffer" -nostdin >"$dir/callee.out" 2>&1
    callee_pid=$last_pid
    wait_for_line "$dir/kamailio.log" "Listening on"
    sleep 1
    run_caller "$fixed_rate" "$dir/warm-up.csv"
    sleep "$settle_seconds"
}

stop_kamailio() {
    stop "$callee_pid"
    stop "$kamailio_pid"
}

run_caller() {  # rate statistics-file
    # A call that loses a datagram for good fails after 5 s instead of holding SIPp open.
    timeout --signal=INT $((seconds * 3 + 30)) \
        sipp "127.0.0.1:$proxy_port" -sf "$repo/bench/sipp_uac.xml" -s bench -i 127.0.0.1 \
        -p "$caller_port" -buff_size "$socket_buffer" -r "$1" -m $(($1 * seconds)) \
        -recv_timeout 5000 -nostdin -trace_stat -stf "$2" -fd 1 >"${2%.csv}.out" 2>&1 || true
}

run_kamailio() {
    local round=$1 rate=$2 dir="$work/kamailio-$1-$2"
    mkdir -p "$dir"
    start tcpdump -i lo -n -s 600 -B 65536 -w "$dir/caller.pcap" "udp port $caller_port" \
        2>"$dir/tcpdump.log"
    local tcpdump_pid=$last_pid
    wait_for_line "$dir/tcpdump.log" "listening on"
    sleep 1

    local ticks_before drops_before started_ns elapsed_ns ticks drops
    ticks_before=$(tree_ticks "$kamailio_pid")
    drops_before=$(udp_receive_drops)
    started_ns=$(now_ns)
    run_caller "$rate" "$dir/caller.csv"
    elapsed_ns=$(($(now_ns) - started_ns))
    drops=$(($(udp_receive_drops) - drops_before))
    sleep "$settle_seconds"
    ticks=$(($(tree_ticks "$kamailio_pid") - ticks_before))
    local load
    load=$(load_average)
    stop "$tcpdump_pid" INT

    local completed failed latency dropped
    completed=$(sipp_stat "$dir/caller.csv" "SuccessfulCall(C)")
    failed=$(sipp_stat "$dir/caller.csv" "FailedCall(C)")
    latency=$(python3 "$repo/bench/sip_ring_latency.py" "$dir/caller.pcap" "$caller_port")
    dropped=$(sed -n 's/^\([0-9]*\) packets dropped by kernel.*/\1/p' "$dir/tcpdump.log")
    ((${dropped:-0} == 0)) || echo "compare_kamailio: tcpdump dropped $dropped packets" >&2
    results+=("$(awk -v r="$round" -v rate="$rate" -v c="$completed" -v f="$failed" \
        -v t="$ticks" -v hz="$(getconf CLK_TCK)" -v ns="$elapsed_ns" -v lat="$latency" \
        -v load="$load" -v drops="$drops" 'BEGIN {
            split(lat, l, " "); s = ns / 1e9; cpu = t / hz
            printf "%s kamailio %s %.0f %.0f %.0f %s %s %s %s %s\n", r, rate, c / s,
                c ? 1e6 * cpu / c : 0, 100 * cpu / s, l[1], l[2], f, drops, load }')")
    echo "round $round: kamailio at $rate calls/s: $completed calls in $((elapsed_ns / 1000000))" \
        "ms, $failed failed, $drops UDP datagrams dropped, $ticks ticks of CPU," \
        "ring p50/p99/samples $latency"
}

run_ours() {
    local round=$1 rate=$2 out="$work/ours-$1-$2.out"
    local args=(--clients "$clients" --rate "$rate" --seconds "$seconds")
    [[ -z "$server_binary" ]] || args+=(--server "$server_binary")
    "$bench_binary" "${args[@]}" >"$out" 2>&1 || {
        cat "$out" >&2
        echo "compare_kamailio: bench_server_load failed" >&2
        exit 1
    }
    local load
    load=$(load_average)
    # bench_server_load prints, among others:
    #   lifecycles       : N completed in T s = R calls/s (S started, F failures)
    #   invite->ring     : p50 A ms, p99 B ms, max C ms (K samples)
    #   server CPU       : P% of one core, U us per lifecycle
    results+=("$(awk -v r="$round" -v rate="$rate" -v load="$load" '
        /^lifecycles/ { calls = $9; failed = $13 }
        /^invite->ring/ { p50 = $4; p99 = $7 }
        /^server CPU/ { core = $4; sub("%", "", core); us = $8 }
        END { printf "%s softphone-server %s %s %s %s %s %s %s - %s\n", r,
              rate == 0 ? "max" : rate, calls, us, core, p50, p99, failed, load }' "$out")")
    local label="$rate calls/s"
    [[ "$rate" != 0 ]] || label="rate 0 (as fast as it goes)"
    echo "round $round: softphone-server at $label: $(grep '^lifecycles' "$out")"
}

print_table() {
    echo
    echo "Every run (CPU: the server's user + system time; Kamailio: all its processes)"
    printf '%-5s %-17s %6s %8s %12s %7s %9s %9s %7s %9s %5s\n' round system rate calls/s \
        "CPU us/call" "% core" "ring p50" "ring p99" failed "UDP drops" load
    local row
    for row in "${results[@]}"; do
        # shellcheck disable=SC2086
        printf '%-5s %-17s %6s %8s %12s %7s %9s %9s %7s %9s %5s\n' $row
    done
    echo "(ring: softphone-server invite -> call.incoming at the callee, in ms;"
    echo " Kamailio INVITE sent -> 180 received at the caller's port, on the wire, in ms)"
    echo
    echo "Ratios, softphone-server / Kamailio, per round"
    printf '%-5s %-28s %-28s %-28s\n' round "calls/s (max vs $kamailio_rate/s)" \
        "CPU/call (max vs $kamailio_rate/s)" "CPU/call (both at $fixed_rate/s)"
    printf '%s\n' "${results[@]}" | awk -v kr="$kamailio_rate" -v fr="$fixed_rate" '
        $2 == "kamailio" && $3 == kr { kc[$1] = $4; ku[$1] = $5 }
        $2 == "kamailio" && $3 == fr { kf[$1] = $5 }
        $2 == "softphone-server" && $3 == "max" { oc[$1] = $4; ou[$1] = $5 }
        $2 == "softphone-server" && $3 == fr { of[$1] = $5 }
        function ratio(a, b) { return b > 0 ? sprintf("%.2fx", a / b) : "-" }
        END { for (r = 1; r in kc; r++)
                  printf "%-5s %-28s %-28s %-28s\n", r, ratio(oc[r], kc[r]),
                         ratio(ou[r], ku[r]), ratio(of[r], kf[r]) }'
}

install_missing
check_ready
echo "compare_kamailio: $(kamailio -v | head -1); SIPp $(sipp -v 2>&1 | grep -o 'v[0-9.]*' | head -1);" \
    "$rounds rounds of $seconds s; load average $(cut -d' ' -f1-3 /proc/loadavg)"
start_kamailio
for round in $(seq "$rounds"); do
    run_kamailio "$round" "$kamailio_rate"
    run_ours "$round" 0
    run_kamailio "$round" "$fixed_rate"
    run_ours "$round" "$fixed_rate"
done
stop_kamailio
print_table
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
