#!/usr/bin/env bash
# CLI start-up: the median wall and CPU time (user + system) of several runs per command, next to
# `java -version` on the same machine in the same run. Commands run as the launcher runs them (the
# extracted layout with its class cache); `--version` also as the plain Spring Boot jar and without
# the cache, to show what each step buys. Usage: benchmarks/cli-startup/run.sh [RUNS] (default 5).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
source "$root/scripts/java-home.sh"
source "$root/scripts/launch-layout.sh"
cd "$root"
runs="${1:-5}"
./mvnw -B -q -DskipTests -Dspotless.check.skip=true package >/dev/null
jar="$root/app/target/gukdae.jar"
gukdae_launch_layout "$jar" "$root/app/target/gukdae-run"
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
export GUKDAE_HOME="$home"
java="$JAVA_HOME/bin/java"
# The JVM exactly as the launcher starts it for these arguments (without the script's own cost).
gukdae_jvm() {
  gukdae_command_opts "$@"
  "$java" "${GUKDAE_JVM_OPTS[@]}" -jar "$GUKDAE_RUN_JAR" "$@"
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

measure() { # label, command... (gukdae_jvm ARGS: the JVM as the launcher starts it)
  local label="$1" wall=() cpu=() t cmd
  shift
  cmd=("$@")
  if [ "$1" = gukdae_jvm ]; then
    shift
    gukdae_command_opts "$@"
    cmd=("$java" "${GUKDAE_JVM_OPTS[@]}" -jar "$GUKDAE_RUN_JAR" "$@")
  fi
  for _ in $(seq "$runs"); do
    # time's own report goes to a file: the command's output (and exit code) is not measured.
    /usr/bin/time -o "$home/time" -f "%e %U %S" "${cmd[@]}" >/dev/null 2>&1 || true
    t=$(tail -n1 "$home/time")
    wall+=("$(echo "$t" | awk '{print $1}')")
    cpu+=("$(echo "$t" | awk '{print $2 + $3}')")
  done
  printf '| %-48s | %6.2f s | %6.2f s |\n' "$label" \
    "$(printf '%s\n' "${wall[@]}" | median)" "$(printf '%s\n' "${cpu[@]}" | median)"
}

# A small battle file, and a signed ledger exported to a file (two database starts, not measured).
printf 'model_a,model_b,winner\nalpha,beta,model_a\nbeta,gamma,model_a\ngamma,alpha,tie\n' \
  >"$home/battles.csv"
gukdae_jvm ledger init >/dev/null 2>&1
gukdae_jvm audit export --to "$home/ledger.jsonl" >/dev/null 2>&1

echo "median of $runs runs, $(nproc) cores; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JDK: $("$java" -version 2>&1 | head -n1)"
echo
echo "| command | wall | CPU |"
echo "|---|---|---|"
measure "java -version" "$java" -version
measure "gukdae --version (plain Spring Boot jar)" "$java" -jar "$jar" --version
measure "gukdae --version (extracted, no cache)" "$java" -jar "$GUKDAE_RUN_JAR" --version
measure "gukdae --version (extracted, cache, both JITs)" "$java" "${GUKDAE_CACHE_OPTS[@]}" -jar "$GUKDAE_RUN_JAR" --version
measure "gukdae --version" gukdae_jvm --version
measure "gukdae --version (the launcher script)" "$root/gukdae" --version
measure "gukdae (command list)" gukdae_jvm
measure "gukdae demo --help" gukdae_jvm demo --help
measure "gukdae tasks" gukdae_jvm tasks
measure "gukdae ratings (3 battles)" gukdae_jvm ratings --battles "$home/battles.csv" --bootstrap 0
measure "gukdae lineage --demo" gukdae_jvm lineage --demo --root demo-team-1/Hanbit-32B
measure "gukdae audit verify --file" gukdae_jvm audit verify --file "$home/ledger.jsonl"
measure "gukdae stage status (database, no web)" gukdae_jvm stage status --stage 1
echo
# Time to the first line on stdout (what a person at the terminal waits for) and to the exit:
# originality prints its verdict before it opens the database to store the check.
first_output() { # label, gukdae args...
  local label="$1" firsts=() totals=() start t
  shift
  gukdae_command_opts "$@"
  for _ in $(seq "$runs"); do
    start=$(date +%s.%N)
    t=$("$java" "${GUKDAE_JVM_OPTS[@]}" -jar "$GUKDAE_RUN_JAR" "$@" 2>/dev/null |
      { IFS= read -r _ || true; date +%s.%N; cat >/dev/null; })
    firsts+=("$(awk -v a="$start" -v b="$t" 'BEGIN {print b - a}')")
    totals+=("$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN {print b - a}')")
  done
  printf '| %-48s | %6.2f s | %6.2f s |\n' "$label" \
    "$(printf '%s\n' "${firsts[@]}" | median)" "$(printf '%s\n' "${totals[@]}" | median)"
}
gukdae_jvm originality --write-demo "$home/weights" >/dev/null 2>&1
check=(originality --candidate "$home/weights/team-finetuned" --reference "foreign=$home/weights/foreign")
echo "| command | first output | exit |"
echo "|---|---|---|"
first_output "gukdae originality (demo team; stores)" "${check[@]}"
first_output "gukdae originality --no-store" "${check[@]}" --no-store
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
