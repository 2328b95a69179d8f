#!/usr/bin/env bash
# CLI start-up: the median wall and CPU time of several runs per command, next to `java -version`
# on the same machine in the same run. Usage: benchmarks/cli-startup/run.sh [RUNS] (default 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/java-home.sh"
cd "$root"
runs="${1:-5}"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true package >/dev/null
jar="$root/app/target/gukdae.jar"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export GUKDAE_HOME="$home"

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # label, command...
  local label="$1" wall=() cpu=() t
  shift
  for _ in $(seq "$runs"); do
    t=$( { /usr/bin/time -f "%e %U %S" "$@" >/dev/null 2>/dev/null; } 2>&1 | tail -n1)
    wall+=("$(echo "$t" | awk '{print $1}')")
    cpu+=("$(echo "$t" | awk '{print $2 + $3}')")
  done
  printf '%-34s %8.2f s wall %8.2f s CPU\n' "$label" \
    "$(printf '%s\n' "${wall[@]}" | median)" "$(printf '%s\n' "${cpu[@]}" | median)"
}

echo "median of $runs runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
measure "java -version" "$JAVA_HOME/bin/java" -version
measure "gukdae --version" "$JAVA_HOME/bin/java" -jar "$jar" --version
measure "gukdae (command list)" "$JAVA_HOME/bin/java" -jar "$jar"
measure "gukdae demo --help" "$JAVA_HOME/bin/java" -jar "$jar" demo --help
measure "gukdae tasks" "$JAVA_HOME/bin/java" -jar "$jar" tasks
measure "gukdae ratings (llmfao, no bootstrap)" "$JAVA_HOME/bin/java" -jar "$jar" ratings \
  --battles "$root/../shared/datasets/llmfao/comparisons.csv" --bootstrap 0
