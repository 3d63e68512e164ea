#!/usr/bin/env bash
# Installs what is missing, builds, and runs the product on its embedded default:
# softphone-server on localhost with its SQLite store in the user's data directory, and, when
# there is a display, two desktop app windows signed in as the demo accounts alice and bob,
# ready to chat and call each other. SOFTPHONE_DEMO=0 runs the server alone.
# Arguments go to the server.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset default
# The three programs only: the tests and benchmarks are for developers (scripts/test.sh).
cmake --build --preset default -j "$(nproc)" --target softphone softphone-server softphone-cli

data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/softphone-server"
server=build/default/app/server/softphone-server
app=build/default/app/desktop/softphone
cli=build/default/app/cli/softphone-cli

demo=${SOFTPHONE_DEMO:-1}
if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
    if [[ "$demo" == 1 ]]; then
        echo "run.sh: no display, so no app windows; starting the server alone."
        echo "run.sh: on a desktop, the same command also opens two signed-in app windows."
    fi
    demo=0
fi
if [[ "$demo" != 1 ]]; then
    exec "$server" --listen 127.0.0.1:8600 --http 127.0.0.1:8601 --data "$data_dir" "$@"
fi

# The demo accounts; "exists" on later runs is fine.
"$server" --data "$data_dir" account add alice alice-demo-password --name "Alice" 2>/dev/null || true
"$server" --data "$data_dir" account add bob bob-demo-password --name "Bob" 2>/dev/null || true

pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
}
trap cleanup EXIT INT TERM

"$server" --listen 127.0.0.1:8600 --http 127.0.0.1:8601 --data "$data_dir" "$@" &
server_pid=$!
pids+=("$server_pid")
for _ in $(seq 1 100); do
    (exec 3<>/dev/tcp/127.0.0.1/8600) 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { echo "run.sh: the server did not start" >&2; exit 1; }
    sleep 0.1
done

# A first message, so that each sees the other's conversation and can call from it.
marker="$data_dir/.demo-greeted"
if [[ ! -e "$marker" ]]; then
    "$cli" --server ws://127.0.0.1:8600 --user alice --password alice-demo-password \
        --data "$data_dir/demo-cli" send bob "Hi Bob! Open this chat and press the phone button." \
        >/dev/null && touch "$marker"
fi

# Both windows run on one machine: they send a tone and a test pattern rather than share
# (and feed back through) one microphone and speaker.
for account in alice bob; do
    "$app" --server ws://127.0.0.1:8600 --user "$account" --password "$account-demo-password" \
        --profile "demo-$account" --synthetic-media &
    pids+=("$!")
done
echo "run.sh: server on ws://127.0.0.1:8600; app windows for alice and bob. Ctrl-C stops all."
wait "$server_pid"
