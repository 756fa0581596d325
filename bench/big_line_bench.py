#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""One upstream SSE event of megabytes of reasoning (a hostile or broken upstream), streamed through a built
`ponder serve` while /health is asked every 5 ms on connections of their own: prints, per run, the longest
/health wait (the event loop's longest turn, plus scheduling) and whether the client got every byte.

  bench/big_line_bench.py [--mb 7] [--runs 3] [PONDER] [--baseline OLD_PONDER]

PONDER defaults to build/release/app/ponder; a fresh Ponder (headless, stateless) per run. The fake upstream
runs in this process on a thread of its own. Debian's /usr/bin/python3 and the standard library only.
Figures are wall-clock: run on an idle machine.
"""

import argparse
import hashlib
import http.client
import http.server
import json
import socket
import subprocess
import tempfile
import threading
import time


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def fake_upstream(megabytes):
    """An OpenAI-compatible server that answers every chat with one reasoning chunk of `megabytes` MB."""
    paragraph = "word " * 200 + "\n\n"
    size = megabytes * 1024 * 1024
    text = (paragraph * (size // len(paragraph) + 1))[:size]
    chunk = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
             "choices": [{"index": 0, "delta": {"reasoning_content": text}, "finish_reason": None}]}
    end = {"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
           "choices": [{"index": 0, "delta": {"content": "ok"}, "finish_reason": "stop"}]}
    body = (b"data: " + json.dumps(chunk).encode() + b"\n\n" + b"data: " + json.dumps(end).encode()
            + b"\n\ndata: [DONE]\n\n")

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def do_GET(self):
            listing = json.dumps({"object": "list", "data": [{"id": "m", "object": "model"}]}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(listing)))
            self.end_headers()
            self.wfile.write(listing)

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def one_run(executable, upstream_port):
    port = free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        process = subprocess.Popen([executable, "serve", "--port", str(port), "--stateless", "--data-dir", data_dir,
                                    "--upstream", f"openai:http://127.0.0.1:{upstream_port}/v1"],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            for _ in range(100):
                try:
                    socket.create_connection(("127.0.0.1", port), timeout=1).close()
                    break
                except OSError:
                    time.sleep(0.1)
            worst = [0.0]
            done = threading.Event()

            def probe():
                while not done.is_set():
                    began = time.monotonic()
                    c = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
                    c.request("GET", "/health")
                    c.getresponse().read()
                    c.close()
                    worst[0] = max(worst[0], time.monotonic() - began)
                    time.sleep(0.005)

            prober = threading.Thread(target=probe)
            prober.start()
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
            c.request("POST", "/v1/chat/completions",
                      json.dumps({"model": "m", "stream": True, "messages": [{"role": "user", "content": "hi"}]}),
                      {"Content-Type": "application/json"})
            response = c.getresponse()
            received = response.read()
            done.set()
            prober.join()
            return response.status, len(received), hashlib.sha256(received).hexdigest()[:12], worst[0] * 1000
        finally:
            process.terminate()
            process.wait(10)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ponder", nargs="?", default="build/release/app/ponder")
    parser.add_argument("--baseline", help="another ponder to run the same way, printed after")
    parser.add_argument("--mb", type=int, default=7, help="megabytes of reasoning in the one event")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    upstream = fake_upstream(args.mb)
    print(f"| build | run | status | bytes to the client | sha256 | longest /health wait (ms) | ms per MB |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for label, executable in [("this build", args.ponder)] + ([("baseline", args.baseline)] if args.baseline else []):
        for run in range(1, args.runs + 1):
            status, size, digest, worst = one_run(executable, upstream.server_address[1])
            print(f"| {label} | {run} | {status} | {size} | {digest} | {worst:.0f} | {worst / args.mb:.1f} |")
    upstream.shutdown()


if __name__ == "__main__":
    main()
