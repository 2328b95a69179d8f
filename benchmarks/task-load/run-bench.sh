#!/usr/bin/env bash
# The one harness of the task-loading benchmarks (benchmarks/helpers, benchmarks/packs-more):
# builds core (online, so it works on a fresh machine), compiles the shared LoadTimer with the
# benchmark's main class against core's classes, and runs it.
# Usage: benchmarks/task-load/run-bench.sh benchmarks/<name>/<Main>.java [args...]
set -euo pipefail
cd "$(dirname "$0")/../.."
main_file="$1"
shift
source scripts/java-home.sh
./mvnw -B -q -pl core compile >/dev/null
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="core/target/classes:$(cat core/target/bench-classpath.txt)"
out=core/target/bench-classes
rm -rf "$out"
mkdir -p "$out"
"$JAVA_HOME/bin/javac" -d "$out" -cp "$CP" benchmarks/task-load/LoadTimer.java "$main_file"
exec "$JAVA_HOME/bin/java" -Xmx2g -cp "$out:$CP" "$(basename "$main_file" .java)" "$@"
