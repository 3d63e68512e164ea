#!/usr/bin/env bash
# Builds the Debian packages from the ci build, checks them (lintian, desktop-file-validate,
# appstreamcli), installs them with apt, smoke-tests the installed programs and purges them.
# Needs root (it installs packages); run after `cmake --build --preset ci`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
build="$root/build/ci"

if [[ $(id -u) != 0 ]]; then
    echo "test-package: SKIPPED: installing packages needs root"
    exit 0
fi
if [[ ! -f "$build/CPackConfig.cmake" ]]; then
    echo "test-package: no ci build in $build; run scripts/test.sh" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
missing=()
for tool in lintian:lintian desktop-file-validate:desktop-file-utils appstreamcli:appstream \
    setpriv:util-linux; do
    command -v "${tool%%:*}" >/dev/null || missing+=("${tool##*:}")
done
if ((${#missing[@]})); then
    apt-get update -qq
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

step() { echo "test-package: $*"; }
fail() { echo "test-package: FAILED: $*" >&2; exit 1; }

version=$(sed -n 's/^set(CPACK_PACKAGE_VERSION "\(.*\)")$/\1/p' "$build/CPackConfig.cmake")
[[ -n "$version" ]] || fail "no version in CPackConfig.cmake"

step "building the packages of $version"
rm -f "$build"/*.deb
(cd "$build" && cpack -G DEB >/dev/null)
client_deb=$(ls "$build"/softphone_"$version"_*.deb)
server_deb=$(ls "$build"/softphone-server_"$version"_*.deb)

work=$(mktemp -d)
server=""
cleanup() {
    [[ -n "$server" ]] && kill "$server" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
dpkg-deb -x "$client_deb" "$work/client"
desktop_file="$work/client/usr/share/applications/org.softphone.Softphone.desktop"
if [[ -f "$desktop_file" ]]; then
    step "checking the desktop entry and the AppStream metadata"
    desktop-file-validate "$desktop_file"
    appstreamcli validate --no-net --pedantic \
        "$work/client/usr/share/metainfo/org.softphone.Softphone.metainfo.xml"
fi

step "lintian"
# Exceptions, each explained in packaging/README.md.
lintian --fail-on error,warning --suppress-tags-from-file "$root/packaging/linux/lintian-exceptions" \
    "$client_deb" "$server_deb"

step "installing with apt"
# Start from nothing, even if an earlier run stopped half-way.
if dpkg-query -W softphone softphone-server >/dev/null 2>&1; then
    apt-get purge -y -qq softphone softphone-server >/dev/null || true
fi
apt-get install -y -qq "$client_deb" "$server_deb" >/dev/null

for program in softphone-server softphone-cli; do
    out=$("$program" --version)
    [[ "$out" == *"$version"* ]] || fail "$program --version says '$out', not $version"
done
if dpkg -L softphone | grep -qx /usr/bin/softphone; then
    out=$(QT_QPA_PLATFORM=offscreen softphone --version)
    [[ "$out" == *"$version"* ]] || fail "softphone --version says '$out'"
fi
getent passwd softphone >/dev/null || fail "no softphone system user"
[[ $(stat -c %U /var/lib/softphone-server) == softphone ]] || fail "data directory not owned"

step "starting the installed server under its config, as its user"
port=18650
http=18651
setpriv --reuid softphone --regid softphone --init-groups softphone-server --config /etc/softphone/server.json \
    --listen 127.0.0.1:$port --http 127.0.0.1:$http >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 100); do
    grep -q "listening" "$work/server.log" && break
    kill -0 $server 2>/dev/null || { cat "$work/server.log"; fail "the server exited"; }
    sleep 0.1
done
python3 - "$http" <<'PY'
import sys, urllib.request
with urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/healthz", timeout=5) as r:
    assert r.status == 200, r.status
PY
[[ -f /var/lib/softphone-server/softphone.db ]] || fail "no database in /var/lib/softphone-server"

step "placing a call with the installed CLI"
cli() { softphone-cli --server ws://127.0.0.1:$port --data "$work/cli" "$@"; }
# The packaged config closes registration: accounts are the operator's to add.
refused=$(cli register pkgx password-123 2>&1 || true)
[[ "$refused" == *2005* || "$refused" == *"closed"* || "$refused" == *"operator"* ]] ||
    fail "the packaged config lets anyone register: $refused"
for account in pkga pkgb; do
    setpriv --reuid softphone --regid softphone --init-groups softphone-server \
        --config /etc/softphone/server.json account add $account password-123 >/dev/null
done
# Loopback alone gives ICE no candidates: the packaged call is signalling and records.
cli --user pkgb --password password-123 answer --no-media --hangup-after 1 >"$work/answer.out" &
answerer=$!
for _ in $(seq 100); do grep -q '"waiting"' "$work/answer.out" && break; sleep 0.1; done
cli --user pkga --password password-123 call pkgb --no-media >"$work/call.out"
wait $answerer
grep -q '"event":"record"' "$work/call.out" || { cat "$work/call.out"; fail "no record"; }
grep -q '"status":1' "$work/call.out" || fail "the call's record is not a completed one"

kill -TERM $server
wait $server || fail "the server did not stop cleanly"
server=""

step "purging"
apt-get purge -y -qq softphone softphone-server >/dev/null
for gone in /usr/bin/softphone-server /usr/bin/softphone-cli /etc/softphone \
    /var/lib/softphone-server /lib/systemd/system/softphone-server.service; do
    [[ ! -e "$gone" ]] || fail "$gone is still there after purge"
done
step "passed"
