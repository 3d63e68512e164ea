#!/usr/bin/env bash
# Installs what is missing, builds, and runs the product on its embedded default:
# softphone-server on localhost with its SQLite store in the user's data directory.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset default
cmake --build --preset default -j "$(nproc)"

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/softphone-server"
exec build/default/app/server/softphone-server --listen 127.0.0.1:8600 --http 127.0.0.1:8601 \
    --data "$data_dir" "$@"
