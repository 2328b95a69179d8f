#!/usr/bin/env bash
# Warm load time of the built-in MMLU-Pro task on a full-size MMLU-Pro-shaped data set under
# --data-dir: 5-shot with same-category examples against 0-shot.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/java-home.sh
./mvnw -B -q -pl core compile >/dev/null
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="core/target/classes:$(cat core/target/bench-classpath.txt)"
exec java -Xmx2g -cp "$CP" benchmarks/packs-more/FewshotBenchmark.java
