#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Quick start, command 1: install what Ponder needs, build it, and run it.
# With a display, the window opens. Without one, Ponder says so and runs headless (`ponder serve`).
# Extra arguments go to ponder, e.g.: scripts/bootstrap.sh --port 8010
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
cmake --preset release
cmake --build --preset release

ponder=build/release/app/ponder
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}${QT_QPA_PLATFORM:-}" ] || [ "$(uname)" = Darwin ]; then
  exec "$ponder" "$@"
fi
echo
echo "No display here, so the window cannot open. Starting the headless backend instead:"
echo "  $ponder serve $*"
echo "(Ctrl+C stops it; try: curl http://127.0.0.1:8009/health)"
echo
exec "$ponder" serve "$@"
