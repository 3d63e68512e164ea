#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors and runs the whole suite
# headless; then does the same under AddressSanitizer + UndefinedBehaviorSanitizer.
# Between the two, as root, it builds the Debian packages, installs them with apt,
# smoke-tests them and purges them (scripts/test-package.sh).
# Before the sanitizer pass, each libFuzzer target of fuzz/ runs for a minute of CPU under
# ASan + UBSan: two processes for 30 s on the two cores (preset fuzz, clang; scripts/fuzz.sh
# does long runs). The fuzz and sanitizer builds run at the lowest priority while the first
# pass's suites run (their output: build/later-builds.log).
# Set SOFTPHONE_SKIP_SANITIZE=1 to run only the first pass, SOFTPHONE_SKIP_POSTGRES=1 to
# run the server suites on SQLite only, SOFTPHONE_SKIP_PACKAGE=1 to leave out the packages,
# SOFTPHONE_SKIP_FUZZ=1 to leave out the fuzzers.
set -euo pipefail
cd "$(dirname "$0")/.."

# Each phase's wall time, printed last (also when a phase fails) to see where CI time goes.
phases=()
phase() {
    local name=$1 begin=$SECONDS
    shift
    "$@"
    phases+=("$name $((SECONDS - begin))s")
}
later_pid=""
finish() {
    [[ -n "$later_pid" ]] && kill -- -"$later_pid" 2>/dev/null
    echo "test: ${phases[*]:-} (all: ${SECONDS}s)"
}
trap finish EXIT

# The fuzz and sanitizer builds run at the lowest priority beside the first pass's suites,
# which leave much of the two cores idle (timers, waits, the media suites one at a time).
# With the kernel's autogroup scheduling, `nice` ranks processes only within their session;
# setsid gives the builds a session of their own, so that session is niced as a whole.
later_builds() {
    echo 19 >/proc/self/autogroup 2>/dev/null || true
    if [[ "${SOFTPHONE_SKIP_FUZZ:-0}" != 1 ]]; then
        cmake --preset fuzz && cmake --build --preset fuzz -j "$jobs" || return 1
    fi
    if [[ "${SOFTPHONE_SKIP_SANITIZE:-0}" != 1 ]]; then
        cmake --preset asan && cmake --build --preset asan -j "$jobs" || return 1
    fi
}
wait_for_later_builds() {
    local status=0
    wait "$later_pid" || status=$?
    later_pid=""
    if ((status != 0)); then
        tail -n 60 build/later-builds.log
        echo "test: the fuzz or sanitizer build failed (build/later-builds.log)"
        return 1
    fi
}

phase deps scripts/install-deps.sh
export QT_QPA_PLATFORM=offscreen
jobs=$(nproc)

# The server suites run a second time on PostgreSQL when a local cluster can be started.
pg_socket=""
if [[ "${SOFTPHONE_SKIP_POSTGRES:-0}" != 1 ]]; then
    pg_socket=$(scripts/start-postgres.sh) || {
        echo "test: PostgreSQL is not available here; the server suites run on SQLite only"
        pg_socket=""
    }
fi

phase configure cmake --preset ci -DSOFTPHONE_TEST_POSTGRES="$pg_socket"
phase build cmake --build --preset ci -j "$jobs"
export jobs SOFTPHONE_SKIP_FUZZ SOFTPHONE_SKIP_SANITIZE
export -f later_builds
setsid -w nice -n 19 bash -c later_builds >build/later-builds.log 2>&1 &
later_pid=$!
phase tests ctest --preset ci -j "$jobs"

if [[ "${SOFTPHONE_SKIP_PACKAGE:-0}" != 1 ]]; then
    phase package scripts/test-package.sh
fi
phase later-builds wait_for_later_builds

if [[ "${SOFTPHONE_SKIP_FUZZ:-0}" != 1 ]]; then
    phase fuzz env SOFTPHONE_FUZZ_COVERAGE=0 scripts/fuzz.sh 30 2
fi

if [[ "${SOFTPHONE_SKIP_SANITIZE:-0}" != 1 ]]; then
    phase asan-configure cmake --preset asan
    phase asan-build cmake --build --preset asan -j "$jobs"
    phase asan-tests ctest --preset asan -j "$jobs"
fi
