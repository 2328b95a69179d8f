#!/usr/bin/env bash
# Cost of battle weights: Bradley–Terry + bootstrap on the same generated battles, unweighted and
# with a share of duplicate-prompt weights, side by side.
# Usage: benchmarks/arena-weights/run.sh [BATTLES] [MODELS] [ROUNDS] [WEIGHTED_SHARE]
set -euo pipefail
cd "$(dirname "$0")/../.."
BATTLES=${1:-1000000}; MODELS=${2:-100}; ROUNDS=${3:-200}; SHARE=${4:-0.3}
source scripts/java-home.sh
./mvnw -B -q -pl core compile
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.outputFile="$PWD/core/target/arena-bench.cp" >/dev/null
CP="core/target/classes:$(cat core/target/arena-bench.cp)"
"$JAVA_HOME/bin/java" -Xmx4g -cp "$CP" benchmarks/arena-weights/WeightBench.java "$BATTLES" "$MODELS" "$ROUNDS" "$SHARE"
