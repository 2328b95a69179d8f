#!/usr/bin/env bash
# Special packs benchmark: sandboxed vs bare python3 start-up, IFEval strict vs loose scoring,
# needle generation time. Builds core, then runs PacksBench in one JVM and prints the figures.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
source scripts/java-home.sh
./mvnw -B -q -pl core compile dependency:build-classpath -Dmdep.outputFile="$root/core/target/bench-cp.txt" >/dev/null
exec "$JAVA_HOME/bin/java" -cp "core/target/classes:$(cat core/target/bench-cp.txt)" \
  benchmarks/packs-special/PacksBench.java
