#!/usr/bin/env bash
# Renders the README's screenshots into docs/screenshots/ under Xvfb (offscreen without it).
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --preset default >/dev/null
cmake --build --preset default --target softphone-screenshots -j 2
binary=build/default/app/screenshots/softphone-screenshots
if command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1280x1100x24" "$binary" docs/screenshots
else
    QT_QPA_PLATFORM=offscreen "$binary" docs/screenshots
fi
