#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs one libFuzzer target for a bounded time, starting from its seed corpus, and says what it did:
# executions, coverage and corpus size; on a finding, the sanitizer's report and the input itself
# (base64, so that a CI log is enough to reproduce it: save it to a file and pass the file to the target).
# usage: run_fuzzer.sh FUZZER SEED_DIR WORK_DIR SECONDS [libFuzzer options...]
# New inputs the run finds go to WORK_DIR/corpus, which later runs start from too; the seeds in the
# repository stay as written.
set -euo pipefail
fuzzer=$1
seeds=$2
work=$3
seconds=$4
shift 4
name=$(basename "$fuzzer")
[ -d "$seeds" ] && [ -n "$(ls -A "$seeds")" ] || { echo "$name: no seed corpus in $seeds" >&2; exit 1; }
mkdir -p "$work/corpus" "$work/artifacts"
rm -f "$work"/artifacts/*
log="$work/run.log"

status=0
started=$SECONDS
# -timeout: an input that takes 10 s is a finding (a loop, or work that grows too fast with the input).
# -rss_limit_mb: so is one that makes the process grow past 2 GiB.
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1} \
  "$fuzzer" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$work/artifacts/" "$@" "$work/corpus" "$seeds" >"$log" 2>&1 || status=$?

elapsed=$((SECONDS - started))
executions=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
# libFuzzer's status lines: "#123 ... cov: 456 ft: 789 corp: 12/3456b ..."; the last one is the run's end.
last=$(grep -E '^#[0-9]+' "$log" | grep -E ' cov: ' | tail -1 || true)
cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
features=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
corpus=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$last")
echo "$name: ${executions:-?} executions in ${elapsed} s (${speed:-?}/s), coverage ${cov:-?} edges," \
  "${features:-?} features, corpus ${corpus:-?} inputs"

artifacts=$(find "$work/artifacts" -type f)
if [ "$status" -ne 0 ] || [ -n "$artifacts" ]; then
  echo "$name: FINDING (exit status $status); libFuzzer's report:"
  # From the report's first line (a sanitizer, a broken invariant, a timeout or memory limit) on.
  first=$(grep -n -m1 -E 'runtime error|ERROR: |invariant broken|deadly signal|ALARM|out-of-memory' "$log" |
    cut -d: -f1 || true)
  tail -n +"${first:-1}" "$log" | head -n 80
  for artifact in $artifacts; do
    echo "input $(basename "$artifact") ($(stat -c %s "$artifact") bytes), base64:"
    head -c 65536 "$artifact" | base64 -w 120
  done
  exit 1
fi
[ -n "$executions" ] && [ "$executions" -gt 0 ] || { tail -n 40 "$log"; echo "$name: ran no input" >&2; exit 1; }
