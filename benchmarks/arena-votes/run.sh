#!/usr/bin/env bash
# Arena vote load test: builds the app jar, starts a private PostgreSQL on loopback (unless
# GUKDAE_BENCH_PG_URL names an empty database), runs VoteLoad (server as a child process,
# load, kill -9, restart, check), and prints measured figures next to the targets.
# Usage: benchmarks/arena-votes/run.sh [voters=3000] [concurrency=32]
# GUKDAE_BENCH_SEED=sql inserts the battles with SQL instead of starting them through the API (the
# server then has never seen them: the path every vote takes right after a restart).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/java-home.sh
voters="${1:-3000}"
concurrency="${2:-32}"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true package >&2
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
  pgpid=$(head -n1 "$dir/data/postmaster.pid") # CPU of this PostgreSQL only, not others' on the host
fi
appport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); PostgreSQL: $url; app port: $appport; voters: $voters; clients: $concurrency"
java -Xmx512m -cp "$pgjar" benchmarks/arena-votes/VoteLoad.java app/target/gukdae.jar "$url" "$appport" "$voters" "$concurrency" $pgpid
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
