#!/usr/bin/env bash
# Vote throughput with 1 and 2 web instances (java -jar gukdae.jar serve) on one database, side by
# side in one run, as a ratio. Requests go round robin to the instances with no sticky sessions.
# Builds the app jar, provides the database (benchmarks/arena-common/setup.sh: a private PostgreSQL
# on loopback by default, GUKDAE_BENCH_DB=h2 for an H2 file), runs InstancesLoad, and checks every
# acknowledged vote is in the database.
# Usage: benchmarks/arena-instances/run.sh [voters=2000] [battles-per-voter=6] [clients=32]
# SKIP_BUILD=1 reuses app/target/gukdae.jar when it is there.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
voters="${1:-2000}"
per_voter="${2:-6}"
clients="${3:-32}"
# shellcheck source=../arena-common/setup.sh
source benchmarks/arena-common/setup.sh benchmarks/arena-instances/InstancesLoad.java
echo "cores: $(nproc); load average: $(cut -d' ' -f1-3 /proc/loadavg); database: $db_url; voters: $voters; battles per voter: $per_voter; clients: $clients"
java -Xmx512m -cp "$client_cp" InstancesLoad "$jar" "$db_url" "$voters" "$per_voter" "$clients" "$pgpid"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
