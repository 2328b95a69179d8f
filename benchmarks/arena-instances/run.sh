#!/usr/bin/env bash
# Vote throughput with 1 and 2 web instances (java -jar gukdae.jar serve) on one PostgreSQL, side
# by side in one run, as a ratio. Requests go round robin to the instances with no sticky sessions.
# Builds the app jar, starts a private PostgreSQL on loopback (unless GUKDAE_BENCH_PG_URL names an
# empty database), runs InstancesLoad, and checks every acknowledged vote is in the database.
# Usage: benchmarks/arena-instances/run.sh [voters=2000] [battles-per-voter=6] [clients=32]
# SKIP_BUILD=1 reuses app/target/gukdae.jar when it is there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
# shellcheck source=../../scripts/java-home.sh
source scripts/java-home.sh
voters="${1:-2000}"
per_voter="${2:-6}"
clients="${3:-32}"
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -f app/target/gukdae.jar ]; then
  ./mvnw -B -q -DskipTests -Dspotless.check.skip=true package >&2
fi
pgjar=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -n1)

url="${GUKDAE_BENCH_PG_URL:-}"
pgpid=""
if [ -z "$url" ]; then
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n1)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  dir=$(mktemp -d /tmp/gukdae-bench-pg.XXXXXX)
  run_as=()
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$dir"; run_as=(runuser -u postgres --); fi
  "${run_as[@]}" "$bin/initdb" -D "$dir/data" -U gukdae -A trust -E UTF8 >/dev/null
  # Durable commits (fsync on, synchronous_commit on): an acknowledged vote must survive.
  "${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" -l "$dir/log" -w start >/dev/null
  trap '"${run_as[@]}" "$bin/pg_ctl" -D "$dir/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$dir"' EXIT
  "${run_as[@]}" "$bin/createdb" -h 127.0.0.1 -p "$port" -U gukdae bench
  url="jdbc:postgresql://127.0.0.1:$port/bench?user=gukdae"
  pgpid=$(head -n1 "$dir/data/postmaster.pid") # CPU of this PostgreSQL only
fi
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); PostgreSQL: $url; voters: $voters; battles per voter: $per_voter; clients: $clients"
java -Xmx512m -cp "$pgjar" benchmarks/arena-instances/InstancesLoad.java app/target/gukdae.jar "$url" "$voters" "$per_voter" "$clients" $pgpid
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
