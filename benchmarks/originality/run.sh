#!/usr/bin/env bash
# Weight-comparison throughput: gukdae vs a plain sequential read of the same files (page cache)
# vs NumPy computing the same per-tensor statistics. Targets: >= 70% of the plain read, faster
# than NumPy, with a 2 GB heap although the two models together are ~2.4 GB (F32; DTYPE=BF16 for
# bf16 models). gukdae runs as the launcher runs it (SIMD kernel, Vector API) and without the
# vector module (portable kernel); its cold first pass, JIT warm-up included, is shown beside the
# sustained rate, and the default comparison (layers aligned by content) beside the name-matched
# one (--no-align), on the same files in the same JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
source scripts/java-home.sh
DTYPE=${DTYPE:-F32} # or BF16, as most published weights are
WORK=${GUKDAE_BENCH_DIR:-/tmp/gukdae-originality-bench}
if [ "$DTYPE" != F32 ]; then WORK="$WORK-$DTYPE"; fi
REPEATS=${REPEATS:-3}
./mvnw -B -q -pl core package -DskipTests >/dev/null
./mvnw -B -q -pl core dependency:build-classpath -Dmdep.outputFile=target/cp.txt \
  -Dmdep.includeScope=runtime >/dev/null
CP="core/target/classes:$(cat core/target/cp.txt)"
OUT=$(mktemp -d)
javac -d "$OUT" -cp "$CP" benchmarks/originality/OriginalityBench.java
if [ ! -f "$WORK/tuned/model.safetensors.index.json" ]; then
  echo "generating demo models in $WORK ..."
  java -Xmx6g -cp "$OUT:$CP" OriginalityBench gen "$WORK" "$DTYPE"
fi
cat "$WORK"/*/*.safetensors > /dev/null # warm the page cache
# Interleave the contenders so that load from other processes hits them alike; keep each best run.
: > "$OUT/runs"
for i in $(seq "$REPEATS"); do
  java -Xmx2g -cp "$OUT:$CP" OriginalityBench read "$WORK" >> "$OUT/runs"
  s=$( { /usr/bin/time -f "%e %U %S" cat "$WORK"/*/*.safetensors > /dev/null; } 2>&1 )
  set -- $s
  echo "cat $(cat "$WORK"/*/*.safetensors | wc -c) $1 $(echo "$2 + $3" | bc -l)" >> "$OUT/runs"
  # as the launcher runs it (SIMD kernel), and without the vector module (portable kernel)
  java -Xmx2g --add-modules jdk.incubator.vector -cp "$OUT:$CP" OriginalityBench compare "$WORK" \
    2>&1 >> "$OUT/runs" | grep -v '^WARNING: Using incubator' | tail -1 > "$OUT/verdict"
  java -Xmx2g -cp "$OUT:$CP" OriginalityBench compare "$WORK" 2>/dev/null | grep '^compare' \
    | sed 's/^compare/scalar/' >> "$OUT/runs"
  python3 benchmarks/originality/numpy_stats.py "$WORK" >> "$OUT/runs"
done
echo
echo "dtype: $DTYPE   cores: $(nproc)   load: $(cut -d' ' -f1-3 /proc/loadavg)   files: $(du -sh "$WORK" | cut -f1)   $(cat "$OUT/verdict")"
awk '
  { gbps = $2 / 1e9 / $3; if (!($1 in best) || gbps > best[$1]) { best[$1] = gbps; secs[$1] = $3; bytes[$1] = $2 }
    c = $4 > 0 ? $2 / 1e9 / $4 : 0; if (!($1 in cbest) || c > cbest[$1]) { cbest[$1] = c; cpu[$1] = $4 } }
  END {
    printf "%-40s %6s %9s %8s %9s %12s\n", "best of runs", "GB", "wall s", "GB/s", "CPU s", "GB/CPU-s"
    names["read"] = "plain read (Java FileChannel, 256 KiB)"; names["cat"] = "plain read (cat > /dev/null)"
    names["cold"] = "gukdae, first pass in a fresh JVM"; names["compare"] = "gukdae comparison, aligned (2 GB heap)"; names["name"] = "gukdae, name-matched only (--no-align)"; names["scalar"] = "gukdae, portable kernel (no SIMD)"; names["numpy"] = "NumPy, same statistics"
    split("read cat cold name compare scalar numpy", order, " ")
    for (i = 1; i <= 7; i++) { k = order[i]; printf "%-40s %6.2f %9.3f %8.2f %9.3f %12.2f\n", names[k], bytes[k] / 1e9, secs[k], best[k], cpu[k], cbest[k] }
    plain = best["read"] > best["cat"] ? best["read"] : best["cat"]
    printf "wall-clock: gukdae / fastest plain read = %.2f (target >= 0.70), gukdae / NumPy = %.1f (target > 1)\n", best["compare"] / plain, best["compare"] / best["numpy"]
    printf "content alignment: aligned / name-matched = %.2f (wall), %.2f (per CPU-second)\n", best["compare"] / best["name"], cbest["compare"] / cbest["name"]
    cplain = cbest["read"] > cbest["cat"] ? cbest["read"] : cbest["cat"]
    printf "per CPU-second: gukdae / fastest plain read = %.2f, gukdae / NumPy = %.1f\n", cbest["compare"] / cplain, cbest["compare"] / cbest["numpy"]
  }' "$OUT/runs"
