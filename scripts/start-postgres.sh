#!/usr/bin/env bash
# Installs PostgreSQL if missing, starts the local cluster and gives the invoking user a
# superuser role reached over the Unix socket with peer authentication (no password).
# Prints "SOCKET_DIR:PORT" on success; exits non-zero when PostgreSQL cannot run here.
set -euo pipefail

sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)

if ! dpkg-query -W -f='${Status}' postgresql 2>/dev/null | grep -q "install ok installed"; then
    echo "start-postgres: installing postgresql" >&2
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends postgresql >&2 ||
        { "${sudo_cmd[@]}" apt-get update -q >&2 &&
          "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends postgresql >&2; }
fi

version=$(ls /etc/postgresql 2>/dev/null | sort -V | tail -n 1)
[[ -n "$version" ]] || { echo "start-postgres: no cluster was created" >&2; exit 1; }
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" && $4 == "online"' | grep -q .; then
    "${sudo_cmd[@]}" pg_ctlcluster "$version" main start >&2
fi

socket_dir=/var/run/postgresql
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
user=$(id -un)
for _ in $(seq 1 30); do
    "${sudo_cmd[@]}" runuser -u postgres -- psql -h "$socket_dir" -p "$port" -tAc "SELECT 1" postgres >/dev/null 2>&1 && break
    sleep 1
done
if ! "${sudo_cmd[@]}" runuser -u postgres -- psql -h "$socket_dir" -p "$port" -tAc \
        "SELECT 1 FROM pg_roles WHERE rolname = '$user'" postgres | grep -q 1; then
    "${sudo_cmd[@]}" runuser -u postgres -- createuser -h "$socket_dir" -p "$port" --superuser "$user" >&2
fi
psql -h "$socket_dir" -p "$port" -tAc "SELECT 1" postgres >/dev/null
echo "$socket_dir:$port"
