#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Quick start, command 2: install what the tests need, build, and run every test CI runs, through CTest:
#   1. ci:    the whole suite with warnings as errors, including the .deb installed with apt into a
#             clean Debian root and run there (needs root or sudo, and the Debian mirror);
#   2. asan:  the same suite under AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer;
#   3. fuzz:  every parser's libFuzzer target for PONDER_FUZZ_SECONDS (default 60) each, two at a time.
# Each part builds its own tree under build/<preset>; a part whose build fails skips its tests, and
# the run goes on to the next part so one run shows every failure. Tests start their own throwaway
# servers (redis-server on a free loopback port, fake model servers) and stop them when they finish.
#
#   scripts/test.sh                  all three parts (what CI runs; about 70 minutes on 2 cores from nothing)
#   scripts/test.sh --quick [ARGS]   the dev preset's suite only, without the clean-root install:
#                                    ARGS go to ctest, e.g. scripts/test.sh --quick -R chat
set -euo pipefail
cd "$(dirname "$0")/.."

quick=false
if [ "${1:-}" = "--quick" ]; then
  quick=true
  shift
fi
if [ $# -gt 0 ] && ! $quick; then
  echo "test.sh: ctest arguments need --quick (e.g. scripts/test.sh --quick -R chat)" >&2
  exit 2
fi

scripts/install-deps.sh
# The pinned `openai` client for the black-box SDK tests (package-lock.json fixes the version).
npm ci --prefix tests/e2e --no-audit --no-fund --loglevel=error

if $quick; then
  cmake --preset dev
  cmake --build --preset dev
  exec ctest --preset dev "$@"
fi

summary=()
failed=0
# Runs one step, timed; a failing step is counted, not fatal.
step() {
  local name=$1 start=$SECONDS status=0
  shift
  echo
  echo "=== test.sh: $name"
  "$@" || status=$?
  local result="ok"
  [ "$status" -eq 0 ] || { result="FAILED (exit status $status)"; failed=$((failed + 1)); }
  summary+=("$(printf '%-16s %5d s  %s' "$name" $((SECONDS - start)) "$result")")
  echo "=== test.sh: $name: $result in $((SECONDS - start)) s"
  return "$status"
}
# Configures, builds and tests one preset; the tests run only when the build succeeded.
part() {
  local preset=$1
  shift
  if step "build $preset" bash -c 'cmake --preset "$1" "${@:2}" >/dev/null && cmake --build --preset "$1"' \
    _ "$preset" "$@"; then
    # The clean-root install uses sudo without asking: ask now, while someone may be there to answer.
    if [ "$preset" = ci ] && [ "$(id -u)" -ne 0 ]; then sudo -v || true; fi
    step "test $preset" ctest --preset "$preset" || true
  fi
}

part ci
part asan
part fuzz "-DPONDER_FUZZ_SECONDS=${PONDER_FUZZ_SECONDS:-60}"

echo
echo "=== test.sh summary (seconds per step)"
printf '%s\n' "${summary[@]}"
echo "total            $SECONDS s"
[ "$failed" -eq 0 ] || { echo "test.sh: $failed step(s) failed" >&2; exit 1; }
