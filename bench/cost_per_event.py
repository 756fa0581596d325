#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""What one published event costs, in figures this shared machine does not blur.

Wall-clock and CPU-time figures move by ±20% between runs here; instruction counts do not. This runs
`ponder serve` under callgrind, in memory mode and in Redis mode, publishes events one at a time over a
keep-alive connection to a session one WebSocket watches, and prints:

- the instructions Ponder executes per event (user space only; the kernel's share is not counted), from
  two runs of different lengths, so start-up and shutdown cancel out;
- in Redis mode, the instructions redis-server executes per event (it runs under callgrind instead, the same
  two lengths), and Redis's own figures for the same load without callgrind (INFO commandstats): calls per
  event and microseconds per call of each command, the Lua scripts included.
- with strace installed, the system calls Ponder makes per event (strace -c attached while it publishes, the
  same two lengths): kernel work callgrind does not see, such as socket writes and event-loop wake-ups.

usage: bench/cost_per_event.py [PATH_TO_PONDER]   (default build/release/app/ponder; needs valgrind,
redis-server and redis-cli; strace for the system calls)
"""
import base64
import http.client
import json
import os
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHORT, LONG = 200, 1200  # events in the two callgrind runs; their difference is what is counted
REDIS_EVENTS = 5000  # events in the run that reads Redis's command statistics


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(port, seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.2)
    sys.exit(f"cost_per_event: nothing listens on port {port}")


def wait_until_healthy(port, seconds=60):
    """Redis mode is degraded (and refuses new sessions) until both connections are ready."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/api/streaming/health")
        if json.loads(connection.getresponse().read()).get("status") == "healthy":
            return
        connection.close()
        time.sleep(0.2)
    sys.exit("cost_per_event: Ponder did not become healthy")


class Publisher:
    """One keep-alive HTTP connection and one WebSocket watching the same session."""

    def __init__(self, port):
        self.port = port
        self.session = f"cost-{os.getpid()}-{port}"
        self.http = self._connect()
        if self._request(b"/api/streaming/sessions", json.dumps({"session_id": self.session}).encode()) != b"201":
            sys.exit("cost_per_event: the session was not created")
        self.ws = self._connect()
        key = base64.b64encode(os.urandom(16))
        self.ws.sendall(b"GET /ws/thinking/%s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nUpgrade: websocket\r\n"
                        b"Connection: Upgrade\r\nSec-WebSocket-Key: %s\r\nSec-WebSocket-Version: 13\r\n\r\n"
                        % (self.session.encode(), port, key))
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += self.ws.recv(65536)
        if b" 101 " not in answer.split(b"\r\n")[0]:
            sys.exit("cost_per_event: the WebSocket was refused")
        self.ws.setblocking(False)
        self.received = 0

    def _connect(self):
        connection = socket.create_connection(("127.0.0.1", self.port))
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return connection

    def _request(self, path, body):
        self.http.sendall(b"POST %s HTTP/1.1\r\nHost: 127.0.0.1:%d\r\nContent-Type: application/json\r\n"
                          b"Content-Length: %d\r\n\r\n%s" % (path, self.port, len(body), body))
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += self.http.recv(65536)
        head, rest = answer.split(b"\r\n\r\n", 1)
        length = int(re.search(rb"(?i)content-length:\s*(\d+)", head).group(1))
        while len(rest) < length:
            rest += self.http.recv(65536)
        return head.split(b" ")[1]

    def _drain(self):
        try:
            while chunk := self.ws.recv(65536):
                self.received += chunk.count(b'"thinking_step"')
        except BlockingIOError:
            pass

    def publish(self, count, pause):
        for i in range(count):
            body = b'{"session_id":"%s","thinking_type":"analysis","content":"step %d"}' % (self.session.encode(), i)
            if self._request(b"/api/streaming/thinking", body) != b"201":
                sys.exit("cost_per_event: a publish was refused")
            time.sleep(pause)  # one event at a time: each is handled on its own
            self._drain()
        deadline = time.monotonic() + 10
        while self.received < count and time.monotonic() < deadline:
            time.sleep(0.05)
            self._drain()
        if self.received != count:
            sys.exit(f"cost_per_event: the watcher got {self.received} of {count} events")


def callgrind_total(path):
    """The instructions a callgrind output file counted in all."""
    return int(re.search(r"^summary: (\d+)", pathlib.Path(path).read_text(), re.M).group(1))


def strace_total(path):
    """The system calls an `strace -c` summary counted in all (its last line, "total")."""
    total = pathlib.Path(path).read_text().strip().splitlines()[-1].split()
    return int(total[3])


def run_ponder(ponder, redis_url, events, workdir, callgrind, strace=False):
    port = free_port()
    arguments = [ponder, "serve", "--stateless", "--port", str(port), "--data-dir", workdir]
    if redis_url:
        arguments += ["--redis", redis_url]
    out = os.path.join(workdir, f"{'strace' if strace else 'callgrind'}.{port}")
    if callgrind:
        arguments = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}"] + arguments
    process = subprocess.Popen(arguments, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    tracer = None
    try:
        wait_for_port(port)
        wait_until_healthy(port)
        publisher = Publisher(port)
        if strace:
            # Attached, not starting Ponder: strace ends, and writes its summary, when Ponder does.
            tracer = subprocess.Popen(["strace", "-c", "-f", "-o", out, "-p", str(process.pid)],
                                      stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
            tracer.stderr.readline()  # "Process N attached"
        publisher.publish(events, 0.004 if callgrind else 0.0005)
    finally:
        process.terminate()
        process.wait(timeout=120)
        if tracer:
            tracer.wait(timeout=120)
    if strace:
        return strace_total(out)
    if not callgrind:
        return None
    return callgrind_total(out)


def instructions_per_event(ponder, redis_url, workdir):
    short = run_ponder(ponder, redis_url, SHORT, workdir, True)
    long = run_ponder(ponder, redis_url, LONG, workdir, True)
    return (long - short) / (LONG - SHORT)


def system_calls_per_event(ponder, redis_url, workdir):
    short = run_ponder(ponder, redis_url, SHORT, workdir, False, strace=True)
    long = run_ponder(ponder, redis_url, LONG, workdir, False, strace=True)
    return (long - short) / (LONG - SHORT)


def redis_instructions_per_event(ponder, workdir):
    """redis-server under callgrind while Ponder (not under callgrind) publishes: Redis's whole cost per event,
    the append script, the live tail's reads and its network handling together."""
    totals = []
    for events in (SHORT, LONG):
        port = free_port()
        out = os.path.join(workdir, f"redis-callgrind.{port}")
        redis = subprocess.Popen(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", "redis-server",
                                  "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
                                  "--dir", workdir], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for_port(port)
            run_ponder(ponder, f"redis://127.0.0.1:{port}/0", events, workdir, False)
        finally:
            subprocess.run(["redis-cli", "-p", str(port), "SHUTDOWN", "NOSAVE"], capture_output=True)
            redis.wait(timeout=120)
        totals.append(callgrind_total(out))
    return (totals[1] - totals[0]) / (LONG - SHORT)


def main():
    ponder = sys.argv[1] if len(sys.argv) > 1 else str(ROOT / "build/release/app/ponder")
    for tool in ("valgrind", "redis-server", "redis-cli"):
        if not shutil.which(tool):
            sys.exit(f"cost_per_event: needs {tool} (apt-get install valgrind redis-server)")
    with tempfile.TemporaryDirectory() as workdir:
        redis_port = free_port()
        redis = subprocess.Popen(["redis-server", "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "",
                                  "--appendonly", "no", "--dir", workdir], stdout=subprocess.DEVNULL)
        try:
            wait_for_port(redis_port)
            redis_url = f"redis://127.0.0.1:{redis_port}/0"
            memory = instructions_per_event(ponder, None, workdir)
            in_redis = instructions_per_event(ponder, redis_url, workdir)
            redis_itself = redis_instructions_per_event(ponder, workdir)
            calls = None
            if shutil.which("strace"):
                calls = (system_calls_per_event(ponder, None, workdir),
                         system_calls_per_event(ponder, redis_url, workdir))
            subprocess.run(["redis-cli", "-p", str(redis_port), "CONFIG", "RESETSTAT"], capture_output=True)
            run_ponder(ponder, redis_url, REDIS_EVENTS, workdir, False)
            stats = subprocess.run(["redis-cli", "-p", str(redis_port), "INFO", "commandstats"],
                                   capture_output=True, text=True).stdout
        finally:
            redis.terminate()
            redis.wait()
    print("| measure | memory | redis |")
    print("| --- | --- | --- |")
    print(f"| Ponder's instructions per event (callgrind, user space) | {memory / 1000:.1f}k | {in_redis / 1000:.1f}k |")
    print(f"| Redis's instructions per event (callgrind on redis-server) | - | {redis_itself / 1000:.1f}k |")
    if calls:
        print(f"| Ponder's system calls per event (strace -c) | {calls[0]:.1f} | {calls[1]:.1f} |")
    for name, calls, usec in sorted(re.findall(r"cmdstat_([a-z|]+):calls=(\d+),usec=(\d+)", stats)):
        per_event = int(calls) / REDIS_EVENTS
        if per_event >= 0.01:
            print(f"| Redis {name.upper()}: calls per event, µs per call | - | "
                  f"{per_event:.2f}, {int(usec) / int(calls):.1f} |")


if __name__ == "__main__":
    main()
