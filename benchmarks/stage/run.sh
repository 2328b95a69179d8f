#!/usr/bin/env bash
# Times the stage pipeline (ledger append/verify, decision, replay, PDF) on the demo programme.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/java-home.sh"
cd "$root"
./mvnw -B -q -pl core -am package -DskipTests -Dspotless.check.skip=true >/dev/null
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.outputFile="$root/core/target/stage-bench.cp" >/dev/null
exec "$JAVA_HOME/bin/java" -cp "core/target/classes:$(cat core/target/stage-bench.cp)" benchmarks/stage/StageBench.java
