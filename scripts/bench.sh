#!/usr/bin/env bash
# Benchmarks: each prints its figures (medians). They are not tests and never fail on speed.
set -euo pipefail
cd "$(dirname "$0")/.."
export QT_QPA_PLATFORM=offscreen
for bench in tests/perf/bench_*.py; do
  echo "== $bench"
  .venv/bin/python "$bench"
done
