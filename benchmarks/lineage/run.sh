#!/usr/bin/env bash
# Lineage benchmark: generate N Hub-shaped records (default 2,000,000), then ingest and count them
# under a fixed heap, printing time and memory beside the targets (60 s, bounded memory).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
n="${1:-2000000}"
heap="${HEAP:-1g}"
source "$root/scripts/java-home.sh"
cd "$root"
./mvnw -B -q -pl core -DskipTests -Dspotless.check.skip=true package >&2
cp_file="$root/core/target/bench-classpath.txt"
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.outputFile="$cp_file" >&2
cp="$root/core/target/classes:$(cat "$cp_file")"
data="${TMPDIR:-/tmp}/gukdae-lineage-bench-$n.jsonl"
if [ ! -f "$data" ]; then
  echo "generating $n records into $data" >&2
  "$JAVA_HOME/bin/java" "$root/benchmarks/lineage/Generate.java" "$n" "$data"
fi
echo "lineage benchmark: $n records, -Xmx$heap, $(nproc) cores"
"$JAVA_HOME/bin/java" -Xmx"$heap" -cp "$cp" "$root/benchmarks/lineage/Bench.java" "$data" 60
