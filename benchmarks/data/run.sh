#!/usr/bin/env bash
# Data governance throughput on generated Korean+English text: plain read, MinHash-LSH near-duplicate
# detection and the contamination index (Nori 13-grams into a Bloom filter), then a lookup of all
# items of a KMMLU-sized benchmark (35,030 items) in the index.
# Usage: benchmarks/data/run.sh [SIZE_MB] [WORK_DIR] [LOG2_BITS] [BUDGET_S]
# (near-duplicate and quality steps: env NEARDUP_ONLY, NEARDUP_STEPS = any of
#  read,before,one,all,qbefore,quality,qwhole; BEFORE_MB, NEARDUP_MAX_MB, NEARDUP_HEAP;
#  DataBench: env DATA_OPTS, e.g. "-Dnormaliser=nori-1 -Dsteps=read,index,lookup -Dindex.maxMb=200").
# The index uses nori-2 unless DATA_OPTS names another normaliser; NORI2_CHECK_MB=200 also builds
# the nori-2 index of the first 200 MB with its per-word memo off and on and compares the files.
# BUDGET_S (default 0 = none): seconds each slow step may run; a step cut short says how many MB it
# read, so a 10 GB corpus can be generated and read whole while the slow steps measure its start.
# The issue asks for >= 10 GB (SIZE_MB=10240); the figures in docs/data.md were taken smaller on a
# shared 2-core machine. Generated files are kept in WORK_DIR and reused by the next run.
set -euo pipefail
cd "$(dirname "$0")/../.."
SIZE_MB=${1:-100}; WORK=${2:-/tmp/gukdae-data-bench}; BITS=${3:-30}; BUDGET=${4:-0}
source scripts/java-home.sh
# test-compile: NearDupBench's BEFORE row is core's test oracle (InMemoryQuality), not a copy of it.
./mvnw -B -q -pl core test-compile -Dspotless.check.skip=true
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.outputFile="$PWD/core/target/data-bench.cp" >/dev/null
# test-classes: the former row facts (ReferenceFacts) and near-copy code (InMemoryQuality).
# Run from a copy of the classes: a build beside a long run would otherwise delete them under it.
CLASSES=$(mktemp -d)
trap 'rm -rf "$CLASSES"' EXIT
cp -r core/target/classes "$CLASSES/main" && cp -r core/target/test-classes "$CLASSES/test"
CP="$CLASSES/main:$CLASSES/test:$(cat core/target/data-bench.cp)"
CORPUS="$WORK/corpus-${SIZE_MB}mb.txt"
# NEARDUP_ONLY=1 skips DataBench's steps when the corpus exists already.
if [ "${NEARDUP_ONLY:-0}" != 1 ] || [ ! -f "$CORPUS" ]; then
  # shellcheck disable=SC2086
  "$JAVA_HOME/bin/java" -Xmx${BENCH_HEAP:-2g} ${DATA_OPTS:-} -cp "$CP" benchmarks/data/DataBench.java "$SIZE_MB" "$WORK" "$BITS" "$BUDGET"
fi
if [ -n "${NORI2_CHECK_MB:-}" ]; then # memo off (every word analysed afresh), then on: same bytes?
  for memo in 0 131072; do
    "$JAVA_HOME/bin/java" -Xmx1g -Dgukdae.nori2.memoEntries=$memo -Dsteps=index \
      -Dindex.maxMb="$NORI2_CHECK_MB" -Dindex.out="$WORK/nori2-memo-$memo.ngrams" \
      -cp "$CP" benchmarks/data/DataBench.java "$SIZE_MB" "$WORK" 30 0
  done
  cmp "$WORK/nori2-memo-0.ngrams" "$WORK/nori2-memo-131072.ngrams" && echo "nori-2 memo off/on: byte-identical index"
fi
# Near-duplicates before (in-memory, on the first BEFORE_MB) and after (streamed), and the whole
# quality check before (regex per criterion) and after (pre-filtered patterns) on the first BEFORE_MB
# (with "qwhole" in the steps: after on all of it), next to a plain read of the same file, in one JVM.
"$JAVA_HOME/bin/java" -Xmx${NEARDUP_HEAP:-1g} -Dsteps="${NEARDUP_STEPS:-read,before,one,all,qbefore,quality}" \
  -cp "$CP" benchmarks/data/NearDupBench.java "$CORPUS" "${BEFORE_MB:-200}" "${NEARDUP_MAX_MB:-}"
