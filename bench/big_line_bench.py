#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""One document of megabytes through a built `ponder serve` while /health is asked every 5 ms on connections of
their own: prints, per run, the longest /health wait (the event loop's longest turn, plus scheduling) and whether
the client got every byte.

  bench/big_line_bench.py [--mb 7] [--runs 3] [--upstream openai|ollama-chat|ollama-generate] [PONDER]
                          [--document unit|request|messages-request|responses-request|answer|otlp]
                          [--baseline OLD_PONDER]

--document says which document is big:
  unit     one upstream unit of reasoning (a hostile or broken upstream): an OpenAI-compatible SSE event or an
           Ollama NDJSON line; the client speaks the upstream's API (/v1/chat/completions, /api/chat,
           /api/generate), so the unit is relayed (the default)
  request  the client's request body: a chat request (stream:false) whose user message is megabytes long
  messages-request, responses-request
           the same in Anthropic's Messages or OpenAI's Responses API, which Ponder translates for the upstream
  answer   the upstream's answer sent whole (a server that ignores stream:true), to a client of Anthropic's API
  otlp     an OTLP/HTTP JSON export, gzip'd, whose one span has an attribute of megabytes

The loop thread's CPU is what the thread that runs the server's event loop spent while the request ran (its
schedstat), the /health probes' few milliseconds included: unlike the wait, it does not depend on what else
the machine runs. PONDER defaults to build/release/app/ponder; a fresh Ponder (headless, stateless) per run. The fake upstream
runs in this process on a thread of its own. Debian's /usr/bin/python3 and the standard library only.
Figures are wall-clock: run on an idle machine.
"""

import argparse
import gzip
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


# Per upstream kind: the spec Ponder is given, the route the client posts to and its body, the answer's
# Content-Type and its units: one of megabytes of reasoning, an answer, the end.
KINDS = {
    "openai": {
        "spec": "openai:http://127.0.0.1:{port}/v1",
        "route": "/v1/chat/completions",
        "request": {"messages": [{"role": "user", "content": "hi"}]},
        "type": "text/event-stream",
        "units": lambda text: [
            b"data: " + json.dumps({"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
                                    "choices": [{"index": 0, "delta": {"reasoning_content": text},
                                                 "finish_reason": None}]}).encode() + b"\n\n",
            b"data: " + json.dumps({"id": "c", "object": "chat.completion.chunk", "created": 1, "model": "m",
                                    "choices": [{"index": 0, "delta": {"content": "ok"},
                                                 "finish_reason": "stop"}]}).encode() + b"\n\n",
            b"data: [DONE]\n\n"],
    },
    "ollama-chat": {
        "spec": "ollama:http://127.0.0.1:{port}",
        "route": "/api/chat",
        "request": {"messages": [{"role": "user", "content": "hi"}]},
        "type": "application/x-ndjson",
        "units": lambda text: [json.dumps(line).encode() + b"\n" for line in [
            {"model": "m", "message": {"role": "assistant", "content": "", "thinking": text}, "done": False},
            {"model": "m", "message": {"role": "assistant", "content": "ok"}, "done": False},
            {"model": "m", "message": {"role": "assistant", "content": ""}, "done": True, "done_reason": "stop"}]],
    },
    "ollama-generate": {
        "spec": "ollama:http://127.0.0.1:{port}",
        "route": "/api/generate",
        "request": {"prompt": "hi"},
        "type": "application/x-ndjson",
        "units": lambda text: [json.dumps(line).encode() + b"\n" for line in [
            {"model": "m", "response": "", "thinking": text, "done": False},
            {"model": "m", "response": "ok", "done": False},
            {"model": "m", "response": "", "done": True, "done_reason": "stop"}]],
    },
}


def big_text(megabytes):
    paragraph = "word " * 200 + "\n\n"
    size = megabytes * 1024 * 1024
    return (paragraph * (size // len(paragraph) + 1))[:size]


def fake_upstream(megabytes, kind, document):
    """A server of `kind` that answers every chat or generate request with one reasoning unit of `megabytes` MB
    (document "unit"), with one JSON document of that much content (document "answer"), or with a short answer."""
    text = big_text(megabytes) if document in ("unit", "answer") else "thinks"
    body = b"".join(KINDS[kind]["units"](text))
    content_type = KINDS[kind]["type"]
    if document == "answer":
        content_type = "application/json"
        body = json.dumps({"id": "c", "object": "chat.completion", "created": 1, "model": "m",
                           "choices": [{"index": 0, "message": {"role": "assistant", "content": text},
                                        "finish_reason": "stop"}]}).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args):
            pass

        def answer(self, status, content_type, payload):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def do_GET(self):
            listing = {"object": "list", "data": [{"id": "m", "object": "model"}],
                       "models": [{"name": "m", "model": "m"}]}
            self.answer(200, "application/json", json.dumps(listing).encode())

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            if self.path == "/api/show":
                return self.answer(200, "application/json", json.dumps({"capabilities": ["completion"]}).encode())
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(body)
            self.wfile.flush()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def client_request(kind, document, megabytes):
    """What the client sends: (method, route, body, headers)."""
    if document == "request":
        body = {"model": "m", "stream": False, **KINDS[kind]["request"]}
        if "messages" in body:
            body["messages"] = [{"role": "user", "content": big_text(megabytes)}]
        else:
            body["prompt"] = big_text(megabytes)
        return KINDS[kind]["route"], json.dumps(body).encode(), {"Content-Type": "application/json"}
    if document == "messages-request":
        body = {"model": "m", "max_tokens": 10, "messages": [{"role": "user", "content": big_text(megabytes)}]}
        return "/v1/messages", json.dumps(body).encode(), {"Content-Type": "application/json",
                                                           "anthropic-version": "2023-06-01"}
    if document == "responses-request":
        body = {"model": "m", "store": False, "input": [{"role": "user", "content": big_text(megabytes)}]}
        return "/v1/responses", json.dumps(body).encode(), {"Content-Type": "application/json"}
    if document == "answer":
        body = {"model": "m", "max_tokens": 10, "messages": [{"role": "user", "content": "hi"}]}
        return "/v1/messages", json.dumps(body).encode(), {"Content-Type": "application/json",
                                                           "anthropic-version": "2023-06-01"}
    if document == "otlp":
        span = {"traceId": "5b8efff798038103d269b633813fc60c", "spanId": "eee19b7ec3c1b174",
                "name": "invoke_agent helper", "startTimeUnixNano": "1700000000000000000",
                "endTimeUnixNano": "1700000001000000000",
                "attributes": [{"key": "gen_ai.agent.name", "value": {"stringValue": "helper"}},
                               {"key": "big", "value": {"stringValue": big_text(megabytes)}}]}
        export = {"resourceSpans": [{"scopeSpans": [{"spans": [span]}]}]}
        return "/v1/traces", gzip.compress(json.dumps(export).encode()), {"Content-Type": "application/json",
                                                                            "Content-Encoding": "gzip"}
    body = {"model": "m", "stream": True, **KINDS[kind]["request"]}
    return KINDS[kind]["route"], json.dumps(body).encode(), {"Content-Type": "application/json"}


def serving_thread_cpu_ms(process):
    """CPU time so far of the process's first thread, which runs the server's event loop (schedstat: ns)."""
    with open(f"/proc/{process.pid}/task/{process.pid}/schedstat") as stat:
        return int(stat.read().split()[0]) / 1e6


def one_run(executable, upstream_port, kind, document, megabytes):
    port = free_port()
    with tempfile.TemporaryDirectory() as data_dir:
        process = subprocess.Popen([executable, "serve", "--port", str(port), "--stateless", "--data-dir", data_dir,
                                    "--upstream", KINDS[kind]["spec"].format(port=upstream_port)],
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
            route, body, headers = client_request(kind, document, megabytes)
            cpu_before = serving_thread_cpu_ms(process)
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
            c.request("POST", route, body, headers)
            response = c.getresponse()
            received = response.read()
            done.set()
            prober.join()
            cpu = serving_thread_cpu_ms(process) - cpu_before
            return response.status, len(received), hashlib.sha256(received).hexdigest()[:12], worst[0] * 1000, cpu
        finally:
            process.terminate()
            process.wait(10)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ponder", nargs="?", default="build/release/app/ponder")
    parser.add_argument("--baseline", help="another ponder to run the same way, printed after")
    parser.add_argument("--mb", type=int, default=7, help="megabytes of reasoning in the one unit")
    parser.add_argument("--upstream", choices=sorted(KINDS), default="openai",
                        help="the upstream's kind, and the API the client speaks")
    parser.add_argument("--document", default="unit", help="which document is big (see above)",
                        choices=["unit", "request", "messages-request", "responses-request", "answer", "otlp"])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    upstream = fake_upstream(args.mb, args.upstream, args.document)
    print("| build | run | status | bytes to the client | sha256 | longest /health wait (ms) | ms per MB "
          "| loop thread CPU (ms) | CPU ms per MB |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for label, executable in [("this build", args.ponder)] + ([("baseline", args.baseline)] if args.baseline else []):
        for run in range(1, args.runs + 1):
            status, size, digest, worst, cpu = one_run(executable, upstream.server_address[1], args.upstream,
                                                       args.document, args.mb)
            print(f"| {label} | {run} | {status} | {size} | {digest} | {worst:.0f} | {worst / args.mb:.1f} "
                  f"| {cpu:.0f} | {cpu / args.mb:.1f} |")
    upstream.shutdown()


if __name__ == "__main__":
    main()
