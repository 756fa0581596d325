#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Floods a built `ponder serve` the way an attacker on the machine (or a web page) would, and prints, beside
the limits it runs with, Ponder's RSS and the latency of /health while each flood runs:

  origin     connections that POST 32 MiB bodies with an Origin Ponder refuses (each reconnects when dropped)
  ws         WebSocket watchers that never read, on a session an agent publishes to as fast as it can
  sse        the same with SSE watchers
  slowloris  connections that send a request head a line at a time and never finish it
  connects   a burst of connects at once (how many wait more than a second: a dropped SYN is resent after 1 s)

Usage: bench/flood_bench.py [--quick] [PONDER] [--baseline OLD_PONDER]
PONDER defaults to build/release/app/ponder. With --baseline, the same floods also run against another build
(an older one, say) and both are printed side by side; options the other build does not know are left out.
Debian's /usr/bin/python3 and the standard library only. Figures are wall-clock: run on an idle machine.
"""

import argparse
import re
import resource
import selectors
import socket
import subprocess
import tempfile
import threading
import time

BUDGET = 256 << 20  # --max-queued-watcher-bytes (the default), passed explicitly so the table shows it


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


class Ponder:
    def __init__(self, executable, extra):
        self.data = tempfile.TemporaryDirectory(prefix="flood-bench-")
        self.process = subprocess.Popen(
            [executable, "serve", "--port", "0", "--stateless", "--data-dir", self.data.name] + extra,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.port = None
        for line in self.process.stderr:
            found = re.search(r"listening on http://[^:]+:(\d+)", line)
            if found:
                self.port = int(found.group(1))
                break
        if self.port is None:
            raise SystemExit(f"{executable} did not start")
        # Its log is read and dropped, so a full pipe never blocks it.
        threading.Thread(target=lambda: [None for _ in self.process.stderr], daemon=True).start()

    def stop(self):
        self.process.terminate()
        self.process.wait(30)
        self.data.cleanup()


def request(port, raw, timeout=10):
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(raw)
        return s.recv(65536)


class HealthProbe(threading.Thread):
    """GET /health on one keep-alive connection every 50 ms; the latencies of those answered."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.latencies, self.failures, self.stopping = port, [], 0, threading.Event()

    def run(self):
        s = None
        while not self.stopping.is_set():
            try:
                if s is None:
                    s = socket.create_connection(("127.0.0.1", self.port), timeout=10)
                start = time.perf_counter()
                s.sendall(b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                answer = b""
                while b"\r\n\r\n" not in answer or len(answer) < answer.index(b"\r\n\r\n") + 4 + int(
                        re.search(rb"Content-Length: (\d+)", answer).group(1)):
                    chunk = s.recv(65536)
                    if not chunk:
                        raise OSError("closed")
                    answer += chunk
                self.latencies.append((time.perf_counter() - start) * 1000)
            except (OSError, AttributeError):
                self.failures += 1
                if s is not None:
                    s.close()
                s = None
            self.stopping.wait(0.05)
        if s is not None:
            s.close()

    def percentile(self, p):
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(len(ordered) * p))]


def stalled_socket(port, raw):
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)  # so what it leaves unread queues in Ponder
    s.connect(("127.0.0.1", port))
    s.sendall(raw)
    return s


def publisher(port, session, stopping):
    """Publishes batches of 50 thinking steps of 8 KB on one keep-alive connection, as fast as answered."""
    step = '{"session_id":"%s","thinking_type":"analysis","content":"%s"}' % (session, "x" * 8192)
    body = ("[" + ",".join([step] * 50) + "]").encode()
    head = (b"POST /api/streaming/thinking HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % len(body))
    with socket.create_connection(("127.0.0.1", port), timeout=30) as s:
        while not stopping.is_set():
            s.sendall(head + body)
            answer = b""
            while b"\r\n\r\n" not in answer or len(answer) < answer.index(b"\r\n\r\n") + 4 + int(
                    re.search(rb"Content-Length: (\d+)", answer).group(1)):
                answer += s.recv(65536)


def flood_origin(port, scale, stopping):
    """Connections that send a 32 MiB body to a request Ponder refuses by its Origin, reconnecting when dropped."""
    head = (b"POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example\r\n"
            b"Content-Type: application/json\r\nContent-Length: 33554432\r\n\r\n")
    piece = b"x" * 65536
    selector = selectors.DefaultSelector()

    def connect():
        s = socket.socket()
        s.setblocking(False)
        s.connect_ex(("127.0.0.1", port))
        selector.register(s, selectors.EVENT_WRITE, {"head": head, "sent": 0})

    for _ in range(40 * scale):
        connect()
    while not stopping.is_set():
        for key, _ in selector.select(0.1):
            s, state = key.fileobj, key.data
            try:
                if state["head"]:
                    state["head"] = state["head"][s.send(state["head"]):]
                else:
                    state["sent"] += s.send(piece)
                    if state["sent"] >= 33554432:
                        raise OSError("whole body sent")
            except OSError:
                selector.unregister(s)
                s.close()
                connect()
    for key in list(selector.get_map().values()):
        key.fileobj.close()


def run_flood(ponder, name, scale, seconds):
    port, pid = ponder.port, ponder.process.pid
    sockets, stopping, threads = [], threading.Event(), []
    if name in ("ws", "sse"):
        session = f"busy-{name}"
        request(port, b'POST /api/streaming/sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: %d\r\n\r\n'
                % len(f'{{"session_id":"{session}"}}') + f'{{"session_id":"{session}"}}'.encode())
        raw = (f"GET /ws/thinking/{session} HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
               "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
               "Sec-WebSocket-Version: 13\r\n\r\n" if name == "ws" else
               f"GET /api/streaming/sessions/{session}/events?kind=thinking HTTP/1.1\r\nHost: 127.0.0.1\r\n"
               "Accept: text/event-stream\r\n\r\n").encode()
        for _ in range(100 * scale):
            sockets.append(stalled_socket(port, raw))
        for _ in range(2):
            threads.append(threading.Thread(target=publisher, args=(port, session, stopping), daemon=True))
    elif name == "origin":
        threads.append(threading.Thread(target=flood_origin, args=(port, scale, stopping), daemon=True))
    elif name == "slowloris":
        for _ in range(500 * scale):
            sockets.append(stalled_socket(port, b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n"))
    probe = HealthProbe(port)
    peak, start, slow_connects, connects = rss_mib(pid), time.monotonic(), 0, 0
    probe.start()
    for thread in threads:
        thread.start()
    if name == "connects":
        time.sleep(0.5)
        burst = []
        began = time.perf_counter()
        for _ in range(1000 * scale):
            s = socket.socket()
            s.setblocking(False)
            s.connect_ex(("127.0.0.1", port))
            burst.append(s)
        selector = selectors.DefaultSelector()
        for s in burst:
            selector.register(s, selectors.EVENT_WRITE)
        pending = len(burst)
        while pending and time.perf_counter() - began < 10:
            for key, _ in selector.select(0.1):
                selector.unregister(key.fileobj)
                pending -= 1
                connects += 1
                if time.perf_counter() - began > 1.0:
                    slow_connects += 1
        slow_connects += pending
        sockets.extend(burst)
    while time.monotonic() - start < seconds:
        peak = max(peak, rss_mib(pid))
        time.sleep(0.1)
    stopping.set()
    probe.stopping.set()
    probe.join()
    for thread in threads:
        thread.join(30)
    health = request(port, b"GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    dropped = re.search(rb'"dropped_watchers":(\d+)', health)
    for s in sockets:
        s.close()
    result = {"peak": peak, "p50": probe.percentile(0.5), "p99": probe.percentile(0.99),
              "unanswered": probe.failures, "dropped": int(dropped.group(1)) if dropped else None}
    if name == "connects":
        result["slow_connects"] = f"{slow_connects} of {1000 * scale}"
    return result


def measure(executable, scale, seconds):
    help_text = subprocess.run([executable, "--help"], capture_output=True, text=True).stdout
    extra = ["--max-queued-watcher-bytes", str(BUDGET)] if "max-queued-watcher-bytes" in help_text else []
    results = {}
    for name in ("origin", "ws", "sse", "slowloris", "connects"):
        ponder = Ponder(executable, extra)  # one Ponder per flood: none inherits another's memory
        try:
            time.sleep(0.5)
            idle = rss_mib(ponder.process.pid)
            results[name] = run_flood(ponder, name, scale, seconds)
            results[name]["idle"] = idle
        finally:
            ponder.stop()
    return results, bool(extra)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ponder", nargs="?", default="build/release/app/ponder")
    parser.add_argument("--baseline", help="another ponder to flood the same way, printed beside")
    parser.add_argument("--quick", action="store_true", help="fewer clients, shorter floods")
    args = parser.parse_args()
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    scale, seconds = (1, 5) if args.quick else (3, 10)
    with open("/proc/sys/net/core/somaxconn") as f:
        somaxconn = f.read().strip()

    runs = [("this build", args.ponder)] + ([("baseline", args.baseline)] if args.baseline else [])
    measured = [(label, *measure(path, scale, seconds)) for label, path in runs]

    print(f"### Floods ({seconds} s each, a fresh Ponder per flood; /health probed every 50 ms)\n")
    print("Limits: head 64 KiB, body 32 MiB (chat) / 1 MiB (/api/streaming) / 64 KiB (other routes), request "
          f"whole within 60 s, watcher backlog 8 MiB each and {BUDGET >> 20} MiB together "
          f"(`--max-queued-watcher-bytes`, where the build has it), listen backlog 1024 (somaxconn {somaxconn}).\n")
    floods = {
        "origin": f"{40 * scale} connections POSTing 32 MiB with a refused Origin",
        "ws": f"{100 * scale} WebSocket watchers that never read, 2 publishers",
        "sse": f"{100 * scale} SSE watchers that never read, 2 publishers",
        "slowloris": f"{500 * scale} connections with a head never finished",
        "connects": f"{1000 * scale} connects at once",
    }
    header = "| flood | build | RSS idle → peak (MiB) | /health p50 / p99 (ms) | unanswered probes | watchers dropped | connects over 1 s |"
    print(header)
    print("|" + " --- |" * 7)
    for name, what in floods.items():
        for label, results, _ in measured:
            r = results[name]
            print(f"| {what} | {label} | {r['idle']:.0f} → {r['peak']:.0f} | {r['p50']:.1f} / {r['p99']:.1f} | "
                  f"{r['unanswered']} | {'-' if r['dropped'] is None else r['dropped']} | "
                  f"{r.get('slow_connects', '')} |")


if __name__ == "__main__":
    main()
