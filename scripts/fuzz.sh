#!/usr/bin/env bash
# Runs the libFuzzer targets of fuzz/ under ASan + UBSan, then measures the line coverage of
# core/protocol/ reached by everything they kept.
#
#   scripts/fuzz.sh [SECONDS [JOBS [TARGET...]]]
#
# SECONDS per target (default 60), JOBS processes per target sharing one corpus (default 1),
# TARGETs among frame params call_record websocket_reader request_envelope dispatch (default
# all). Corpora grow in build/fuzz/corpus/TARGET (seeded from fuzz/corpus/TARGET); crashes land
# in build/fuzz/findings/. Prints executions per target and the coverage; exits non-zero when a
# target found a crash. SOFTPHONE_FUZZ_COVERAGE=0 skips the coverage build.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
jobs=${2:-1}
shift $(($# < 2 ? $# : 2))
targets=("$@")
((${#targets[@]})) || targets=(frame params call_record websocket_reader request_envelope dispatch)

build=build/fuzz
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz -j "$(nproc)"

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export QT_QPA_PLATFORM=offscreen
mkdir -p "$build/findings" "$build/logs"
failed=0
total=0
for target in "${targets[@]}"; do
    corpus="$build/corpus/$target"
    mkdir -p "$corpus"
    cp -n fuzz/corpus/"$target"/* "$corpus"/ 2>/dev/null || true
    pids=()
    for ((job = 0; job < jobs; ++job)); do
        "$build/fuzz/fuzz_$target" -max_total_time="$seconds" -max_len=8192 -timeout=60 \
            -dict=fuzz/protocol.dict -artifact_prefix="$build/findings/$target-" \
            -print_final_stats=1 "$corpus" >"$build/logs/$target-$job.log" 2>&1 &
        pids+=($!)
    done
    status=0
    for pid in "${pids[@]}"; do wait "$pid" || status=1; done
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$build/logs/$target"-*.log |
           awk '{s += $1} END {print s + 0}')
    total=$((total + runs))
    if ((status)); then
        failed=1
        echo "fuzz: $target: $runs executions, FOUND A CRASH (see $build/logs/$target-*.log)"
        grep -h -m3 -E "invariant broken|ERROR: |SUMMARY" "$build/logs/$target"-*.log || true
    else
        echo "fuzz: $target: $runs executions in ${seconds}s x $jobs, no crash"
    fi
done
echo "fuzz: $total executions in all"

if [[ "${SOFTPHONE_FUZZ_COVERAGE:-1}" != 0 ]]; then
    coverage=build/fuzz-coverage
    cmake --preset fuzz-coverage >/dev/null
    cmake --build --preset fuzz-coverage -j "$(nproc)"
    rm -rf "$coverage/profiles"
    mkdir -p "$coverage/profiles"
    objects=()
    for target in "${targets[@]}"; do
        LLVM_PROFILE_FILE="$coverage/profiles/$target-%p.profraw" \
            "$coverage/fuzz/fuzz_$target" -runs=0 "$build/corpus/$target" >/dev/null 2>&1 || true
        objects+=(-object "$coverage/fuzz/fuzz_$target")
    done
    llvm-profdata merge -sparse "$coverage"/profiles/*.profraw -o "$coverage/fuzz.profdata"
    llvm-cov report "${objects[@]:1}" -instr-profile="$coverage/fuzz.profdata" \
        core/protocol/*.cpp core/protocol/*.h | tee "$coverage/report.txt"
    echo "fuzz: line coverage of core/protocol/: $(awk '/^TOTAL/ {print $10}' "$coverage/report.txt")"
fi
exit "$failed"
