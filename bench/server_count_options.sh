# The options of bench/server_allocations.sh and bench/server_instructions.sh, which source this
# with `default_rate` set: [--build-dir DIR] [--server PATH] [--rate R] [--nodes 2]. Sets
# build_dir, server, rate and nodes ("" for one node on SQLite).
build_dir=build/ci
server=""
rate=$default_rate
nodes=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --build-dir) build_dir=$2; shift 2 ;;
        --server) server=$2; shift 2 ;;
        --rate) rate=$2; shift 2 ;;
        --nodes) nodes=$2; shift 2 ;;
        *) echo "unknown option $1" >&2; exit 2 ;;
    esac
done
[[ -z $nodes || $nodes == 2 ]] || { echo "--nodes takes 2" >&2; exit 2; }
server=${server:-$build_dir/app/server/softphone-server}
