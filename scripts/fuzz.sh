#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the parsers' fuzz targets longer than CI does (CI gives each a minute): builds the fuzz preset
# (clang, libFuzzer, ASan + UBSan; the backend and tests/fuzz only) and runs the targets through CTest,
# two at a time, each for SECONDS. Each run starts from the seeds in tests/fuzz/corpus/NAME and from what
# earlier runs found (build/fuzz/tests/fuzz/runs/NAME/corpus); a finding is printed with its input.
# Worth adding a finding's input to tests/fuzz/corpus/NAME/ once it is fixed, so every build replays it.
#
#   scripts/fuzz.sh [SECONDS] [NAME...]   e.g. scripts/fuzz.sh 3600 http_request sse   (default: 600 s, all)
# Targets: ls tests/fuzz/fuzz_*.cpp (NAME is the part after fuzz_).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
[ $# -gt 0 ] && shift
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS] [NAME...]" >&2; exit 2; }
filter="^fuzz_"
if [ $# -gt 0 ]; then
  filter="^fuzz_($(IFS='|'; echo "$*"))\$"
fi

cmake --preset fuzz -DPONDER_FUZZ_SECONDS="$seconds" >/dev/null
cmake --build --preset fuzz
ctest --preset fuzz -R "$filter"
