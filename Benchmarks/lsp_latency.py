"""`postlint lsp` latency: start to first diagnostics on a ~2 KB Markdown draft, then 100
one-character edits (debounce 0) each timed from didChange to its publishDiagnostics, and
the server's peak RSS. Usage: python3 Benchmarks/lsp_latency.py [BINARY] (default: the
release build)."""

import json
import os
import subprocess
import sys
import time

binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".build/release/postlint")


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read(process):
    header = b""
    while not header.endswith(b"\r\n\r\n"):
        byte = process.stdout.read(1)
        if not byte:
            raise SystemExit("the server closed its output")
        header += byte
    length = int(header.split(b":")[1].split(b"\r\n")[0])
    return json.loads(process.stdout.read(length))


def published(process):
    while True:
        message = read(process)
        if message.get("method") == "textDocument/publishDiagnostics":
            return message


def send(process, message):
    process.stdin.write(frame(message))
    process.stdin.flush()


paragraph = ("Good vibes only! I read that this supplement cures anxiety, studies show. "
             "Everything happens for a reason. 😀\n\n")
text = (paragraph * 40)[:2048]
uri = "file:///tmp/postlint-lsp-bench.md"
started = time.time()
server = subprocess.Popen([binary, "lsp", "--debounce", "0"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, cwd="/tmp")
send(server, {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"capabilities": {}}})
read(server)
send(server, {"jsonrpc": "2.0", "method": "textDocument/didOpen",
              "params": {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": text}}})
first = published(server)
first_ms = (time.time() - started) * 1000
latencies = []
for version in range(2, 102):
    sent = time.time()
    send(server, {"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
        "textDocument": {"uri": uri, "version": version},
        "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "text": "x"}]}})
    published(server)
    latencies.append((time.time() - sent) * 1000)
with open(f"/proc/{server.pid}/status") as status:
    peak = next(line.split()[1] for line in status if line.startswith("VmHWM"))
send(server, {"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
send(server, {"jsonrpc": "2.0", "method": "exit"})
server.stdin.close()
server.wait()
latencies.sort()
print(f"{binary}: start to first diagnostics {first_ms:.0f} ms ({len(first['params']['diagnostics'])} diagnostics, "
      f"{len(text.encode())}-byte draft); change to diagnostics over 100 edits: p50 {latencies[49]:.1f} ms, "
      f"p99 {latencies[98]:.1f} ms; peak RSS {int(peak) / 1024:.1f} MB; exit {server.returncode}")
