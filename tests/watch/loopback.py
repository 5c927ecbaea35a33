"""A loopback HTTP server for the watch tests: it serves a feed with validators and takes POSTs.

`loopback` records every request (method, path, headers, body) and what it answered, so a
test can check that a poll was a conditional GET answered 304 and that an alert was POSTed.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Seen:
    """One request the server took, and the status it answered."""

    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    status: int


@dataclass
class Loopback:
    """The server's state: what it serves at /feed.xml, and every request it saw."""

    url: str = ""
    feed: bytes = b""
    validators: bool = True  # send ETag and Last-Modified, honour conditional GETs
    delay: float = 0.0  # seconds a GET waits before its answer (a slow server)
    requests: list[Seen] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def posts(self) -> list[Seen]:
        with self.lock:
            return [r for r in self.requests if r.method == "POST"]

    def gets(self) -> list[Seen]:
        with self.lock:
            return [r for r in self.requests if r.method == "GET"]


MODIFIED = formatdate(1_780_000_000, usegmt=True)


@contextmanager
def serve() -> Iterator[Loopback]:
    """A server on 127.0.0.1 and an ephemeral port, stopped on exit."""
    state = Loopback()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (http.server's name)
            time.sleep(state.delay)
            etag = '"' + hashlib.sha256(state.feed).hexdigest()[:16] + '"'
            status = 200
            if state.validators:  # If-None-Match wins when both are sent (RFC 9110 13.2.2)
                match = self.headers.get("If-None-Match")
                since = self.headers.get("If-Modified-Since")
                if match == etag or (match is None and since == MODIFIED):
                    status = 304
            if self.path != "/feed.xml":
                status = 404
            self._record(b"", status)  # before answering: the client may look at once
            self.send_response(status)
            if state.validators:
                self.send_header("ETag", etag)
                self.send_header("Last-Modified", MODIFIED)
            body = state.feed if status == 200 else b""
            self.send_header("Content-Type", "application/rss+xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self._record(body, 204)
            self.send_response(204)
            self.end_headers()

        def _record(self, body: bytes, status: int) -> None:
            with state.lock:
                state.requests.append(
                    Seen(self.command, self.path, dict(self.headers), body, status)
                )

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    state.url = f"http://127.0.0.1:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield state
    server.shutdown()
    server.server_close()
