#!/usr/bin/env bash
# Safe Markdown rendering time on adversarial answers. Usage: benchmarks/markdown/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/java-home.sh
./mvnw -B -q -pl core compile
"$JAVA_HOME/bin/java" -cp core/target/classes benchmarks/markdown/MarkdownBench.java
