#!/usr/bin/env bash
# Warm load time of the built-in MMLU-Pro task on a full-size MMLU-Pro-shaped data set under
# --data-dir: 5-shot with same-category examples against 0-shot.
exec "$(dirname "$0")/../task-load/run-bench.sh" benchmarks/packs-more/FewshotBenchmark.java "$@"
