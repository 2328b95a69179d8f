#!/usr/bin/env bash
# Warm load time of a 35,030-row KMMLU-shaped split, CSV vs Parquet (goal: < 1 s each).
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/java-home.sh
./mvnw -B -q -pl core compile >/dev/null
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="core/target/classes:$(cat core/target/bench-classpath.txt)"
exec java -Xmx1g -cp "$CP" benchmarks/datasets/LoadBenchmark.java
