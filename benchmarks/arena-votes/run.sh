#!/usr/bin/env bash
# Arena vote load test: builds the app jar, provides the database (benchmarks/arena-common/setup.sh:
# a private PostgreSQL on loopback by default, GUKDAE_BENCH_DB=h2 for an H2 file), runs VoteLoad
# (server as a child process, load, kill -9, restart, check), and prints measured figures next to
# the targets.
# Usage: benchmarks/arena-votes/run.sh [voters=3000] [concurrency=32]
# GUKDAE_BENCH_SEED=sql inserts the battles with SQL instead of starting them through the API (the
# server then has never seen them: the path every vote takes right after a restart).
# SKIP_BUILD=1 reuses app/target/gukdae.jar when it is there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
voters="${1:-3000}"
concurrency="${2:-32}"
# shellcheck source=../arena-common/setup.sh
source benchmarks/arena-common/setup.sh benchmarks/arena-votes/VoteLoad.java
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); database: $db_url; voters: $voters; clients: $concurrency"
java -Xmx512m -cp "$client_cp" VoteLoad "$jar" "$db_url" "$voters" "$concurrency" "$pgpid"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
