#!/usr/bin/env bash
# Warm load time of a KMMLU-sized lm-eval task whose process_docs, doc_to_text, doc_to_choice and
# doc_to_target are !function helpers (run in the Python sandbox) against the same task in Jinja.
exec "$(dirname "$0")/../task-load/run-bench.sh" benchmarks/helpers/HelperBenchmark.java "$@"
