#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the release preset and runs the benchmarks; each prints Markdown tables (see docs/benchmarks.md).
# Tables go to stdout, Ponder's log to stderr. Pass --quick for a short run. Run on an otherwise idle machine: figures are wall-clock measurements.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake --preset release >/dev/null
cmake --build --preset release --target ponder chat_bench hub_bench trace_bench view_bench
build/release/bench/chat_bench "$@"
echo
build/release/bench/hub_bench "$@"
echo
build/release/bench/trace_bench "$@"
echo
build/release/bench/view_bench "$@"
echo
bench/flood_bench.py build/release/app/ponder "$@"
echo
if command -v valgrind >/dev/null; then
    bench/cost_per_event.py build/release/app/ponder
else
    echo "cost_per_event skipped: it needs valgrind (apt-get install valgrind)"
fi
