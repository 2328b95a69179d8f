#!/usr/bin/env bash
# Warm load time of a KMMLU-sized lm-eval task whose process_docs, doc_to_text, doc_to_choice and
# doc_to_target are !function helpers (run in the Python sandbox) against the same task in Jinja.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/java-home.sh
./mvnw -B -q -pl core compile >/dev/null
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt >/dev/null
CP="core/target/classes:$(cat core/target/bench-classpath.txt)"
exec java -Xmx2g -cp "$CP" benchmarks/helpers/HelperBenchmark.java
