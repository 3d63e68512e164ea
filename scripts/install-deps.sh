#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages the build, the programs and the tests need.
# Idempotent: asks apt only for what is missing, and runs `apt-get update` only then.
# `--bench` adds the optional packages of bench/compare_kamailio.sh (Kamailio, SIPp, tcpdump)
# and of bench/server_allocations.sh (heaptrack) and bench/server_instructions.sh (valgrind);
# scripts/test.sh does not ask for them.
set -euo pipefail

packages=(
    # toolchain
    build-essential cmake ninja-build pkg-config git clang-format
    # fuzzing: clang with libFuzzer and the sanitizers' runtimes, llvm-profdata and llvm-cov
    clang libclang-rt-dev llvm
    # Qt 6 and the libraries the core and server use
    qt6-base-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    libqt6sql6-sqlite libqt6sql6-psql libpq-dev libsqlite3-dev nlohmann-json3-dev libsodium-dev libssl-dev libgl-dev
    # the server's cluster mode: the NATS client, and a NATS server for the cluster tests
    libnats-dev nats-server
    # the cluster tests: the load balancer config shipped in packaging/haproxy
    haproxy
    # media: GStreamer with webrtcbin, Opus, VP8, libnice (ICE), DTLS-SRTP
    libgstreamer1.0-dev libgstreamer-plugins-base1.0-dev libgstreamer-plugins-bad1.0-dev
    gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
    gstreamer1.0-nice
    # the desktop app: SVG icons, call tones, the OS keychain; Xvfb for screenshots
    qt6-svg-dev qt6-multimedia-dev qtkeychain-qt6-dev xvfb xauth
    # Qt's own strings (OK, Cancel, context menus) in the app's languages
    qt6-translations-l10n
    # tests: loopback HTTP receivers, network namespaces
    python3 file iproute2 procps openssl
    # media device tests: a private PulseAudio daemon with null sinks
    pulseaudio pulseaudio-utils
    # interoperability and NAT tests: a real browser peer, a real TURN server, NAT routers
    chromium coturn iptables
)

# Optional: the SIP proxy and load generator bench/compare_kamailio.sh measures us against,
# and the capture it times INVITE -> 180 on the wire with; heaptrack counts the server's
# allocations per call, valgrind its instructions.
bench_packages=(kamailio sip-tester tcpdump heaptrack valgrind)
if [[ "${1:-}" == "--bench" ]]; then
    packages+=("${bench_packages[@]}")
fi

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [[ "$status" == "install ok installed" ]] || missing+=("$package")
done

if ((${#missing[@]} == 0)); then
    echo "install-deps: all ${#packages[@]} packages present"
    exit 0
fi

sudo_cmd=()
if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null || { echo "install-deps: run as root or install sudo" >&2; exit 1; }
    sudo_cmd=(sudo)
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -q
"${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
