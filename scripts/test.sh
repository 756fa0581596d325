#!/usr/bin/env bash
# Quick start, command 2: install what the tests need, build, and run the whole suite.
# Tests start their own throwaway servers (redis-server on a free loopback port, fake model servers)
# and stop them when they finish. CI=true builds with warnings as errors.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh
# The pinned `openai` client for the black-box SDK tests (package-lock.json fixes the version).
npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error
preset=dev
[ "${CI:-}" = "true" ] && preset=ci

cmake --preset "$preset"
cmake --build --preset "$preset"
ctest --preset "$preset" "$@"
