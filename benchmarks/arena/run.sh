#!/usr/bin/env bash
# BT + bootstrap on generated battles: gukdae vs a NumPy/SciPy re-implementation of FastChat's
# method, side by side. Usage: benchmarks/arena/run.sh [BATTLES] [MODELS] [ROUNDS] [PY_ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
BATTLES=${1:-1000000}; MODELS=${2:-100}; ROUNDS=${3:-1000}; PY_ROUNDS=${4:-10}
source scripts/java-home.sh
python3 -c 'import numpy, scipy' 2>/dev/null || {
  echo "needs NumPy and SciPy: apt-get install python3-numpy python3-scipy" >&2; exit 1; }
./mvnw -B -q -pl core install -DskipTests
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.outputFile="$PWD/core/target/arena-bench.cp" >/dev/null
WORK=$(mktemp -d); trap 'rm -rf "$WORK"' EXIT
CP="core/target/classes:$(cat core/target/arena-bench.cp)"
"$JAVA_HOME/bin/java" -Xmx4g -cp "$CP" benchmarks/arena/ArenaBench.java "$WORK" "$BATTLES" "$MODELS" "$ROUNDS"
python3 benchmarks/arena/fastchat_reference.py "$WORK/battles.csv" "$PY_ROUNDS" 7 "$WORK/python.json"
python3 benchmarks/arena/compare.py "$WORK/java.json" "$WORK/python.json"
