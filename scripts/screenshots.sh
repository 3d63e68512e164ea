#!/usr/bin/env bash
# Renders the README's screenshots into docs/screenshots/ (English) and
# docs/screenshots/zh_CN/ under Xvfb (offscreen without it). The call windows come from real
# calls between two app instances and a real server, in a private network namespace with a
# veth pair (root); without root they are drawn from a stand-in client.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake --preset default >/dev/null
cmake --build --preset default --target softphone-screenshots softphone-server -j 2
binary=build/default/app/screenshots/softphone-screenshots
server=build/default/app/server/softphone-server

render() {  # OUT LANGUAGE
    local shoot=("$binary" "$1" "$2")
    if command -v xvfb-run >/dev/null; then
        shoot=(xvfb-run -a -s "-screen 0 1280x1100x24" "${shoot[@]}")
    else
        export QT_QPA_PLATFORM=offscreen
    fi
    mkdir -p "$1"
    if [[ $(id -u) == 0 ]] && command -v unshare >/dev/null && command -v ip >/dev/null; then
        unshare -n bash -c 'set -e
            ip link set lo up
            ip link add v0 type veth peer name v1
            ip addr add 10.99.0.1/24 dev v0
            ip addr add 10.99.0.2/24 dev v1
            ip link set v0 up
            ip link set v1 up
            exec "$@"' render "${shoot[@]}" "$server"
    else
        echo "screenshots: not root: the call windows are drawn from a stand-in, not a real call"
        "${shoot[@]}"
    fi
}

render docs/screenshots en
render docs/screenshots/zh_CN zh_CN
