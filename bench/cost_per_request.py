#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What one relayed chat completion costs Ponder's serving thread, in figures this shared machine does not blur.

CPU time per request moves by up to half between runs here; instruction counts do not. This runs chat_bench's
per-request phase (one-delta chat completions, 16 at once, 60 rounds, relayed to an OpenAI-compatible fake
upstream) with the given `ponder` as its --baseline, under callgrind: instrumented from the phase's header to the
next one (callgrind_control), each thread counted apart. From the serving (main) thread's counts it prints, per
request: the instructions (user space only: the kernel's share is not counted), the calls to malloc and realloc,
the QObjects made, the signal connections made and the Qt timers registered. Requests are counted by the calls to
ChatService::resolveAndStart, so those the instrumentation missed at its start do not count.

usage: bench/cost_per_request.py [PATH_TO_PONDER]   (default build/release/app/ponder; needs valgrind and a
release build of chat_bench; about a minute)
"""
import collections
import os
import pathlib
import re
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
MARKER = "ChatService::resolveAndStart("  # called once per request


def call_counts(path):
    """Calls to every function in a callgrind output file (its callers summed), and its instructions in all."""
    names = {}
    calls = collections.Counter()
    callee = None
    total = 0

    def name(field):
        match = re.match(r"\((\d+)\)(?: (.*))?", field)
        if not match:
            return field
        if match.group(2) is not None:
            names[match.group(1)] = match.group(2)
        return names[match.group(1)]

    with open(path) as lines:
        for line in lines:
            if line.startswith("cfn="):
                callee = name(line[4:].rstrip("\n"))
            elif line.startswith("fn="):
                name(line[3:].rstrip("\n"))  # defines a compressed name
            elif line.startswith("calls="):
                calls[callee] += int(line[6:].split()[0])
            elif line.startswith("summary:"):
                total = int(line.split()[1])
    return calls, total


def main():
    ponder = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ROOT / "build/release/app/ponder")
    bench = ROOT / "build/release/bench/chat_bench"
    with tempfile.TemporaryDirectory() as workdir:
        wrapper = pathlib.Path(workdir, "ponder-under-callgrind")
        wrapper.write_text(f"#!/bin/sh\nexec valgrind --tool=callgrind --instr-atstart=no --separate-threads=yes "
                           f"--callgrind-out-file={workdir}/callgrind.%p {ponder} \"$@\"\n")
        wrapper.chmod(0o755)
        run = subprocess.Popen(
            ["stdbuf", "-oL", str(bench), "--cpu-only", "--baseline", str(wrapper), "--cpu-filter",
             "^chat completions, baseline, relayed$"],
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        for line in run.stdout:
            if "CPU time per request" in line:
                subprocess.run(["callgrind_control", "-z"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
                subprocess.run(["callgrind_control", "-i", "on"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
            elif "concurrent open streams" in line:
                subprocess.run(["callgrind_control", "-d"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
                subprocess.run(["callgrind_control", "-i", "off"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
        run.wait()
        # The dump of each Ponder's main thread ("-01"); the one that served the requests is the largest.
        dumps = sorted(pathlib.Path(workdir).glob("callgrind.*.1-01"), key=lambda p: p.stat().st_size)
        if not dumps:
            sys.exit("cost_per_request: no callgrind dump was written")
        calls, total = call_counts(dumps[-1])
    requests = sum(n for f, n in calls.items() if f.startswith(MARKER) and ")::" not in f)
    if requests == 0:
        sys.exit("cost_per_request: no request was counted")

    def per_request(predicate):
        return sum(n for f, n in calls.items() if predicate(f)) / requests

    print(f"cost_per_request: {ponder}, {requests} relayed chat completions counted on the serving thread\n")
    print("| per request | serving thread |")
    print("| --- | --- |")
    print(f"| instructions | {total / requests:,.0f} |")
    print(f"| allocations (malloc, calloc) | {per_request(lambda f: f in ('malloc', 'calloc')):.0f} |")
    print(f"| reallocations (realloc) | {per_request(lambda f: f == 'realloc'):.0f} |")
    print(f"| QObjects made | {per_request(lambda f: f.startswith('QObject::QObject(QObjectPrivate')):.1f} |")
    print(f"| signal connections made | {per_request(lambda f: f.startswith('QObjectPrivate::connectImpl(')):.1f} |")
    print(f"| Qt timers registered | {per_request(lambda f: f.startswith('QAbstractEventDispatcher::registerTimer(')):.1f} |")


if __name__ == "__main__":
    main()
