#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors and runs the whole suite
# headless; then does the same under AddressSanitizer + UndefinedBehaviorSanitizer.
# Set SOFTPHONE_SKIP_SANITIZE=1 to run only the first pass.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
export QT_QPA_PLATFORM=offscreen
jobs=$(nproc)

cmake --preset ci
cmake --build --preset ci -j "$jobs"
ctest --preset ci -j "$jobs"

if [[ "${SOFTPHONE_SKIP_SANITIZE:-0}" != 1 ]]; then
    cmake --preset asan
    cmake --build --preset asan -j "$jobs"
    ctest --preset asan -j "$jobs"
fi
