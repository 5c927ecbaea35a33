"""The web tests' store of real extracted articles, and a uvicorn server in a thread.

`web_db` is a SQLite store built once per session from the example articles, two outlets'
reports of one event and a hostile article (markup and script in its text, title, source
and url: the page must show it as text). `live_server` runs uvicorn on a free loopback port
over a copy of it and yields a `LiveServer` (base `url`, write `token`, `db` path); the
browser tests use it too.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
TOKEN = "test-token-" + secrets.token_hex(8)

SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE = {
    "id": "hostile-1",
    "title": "<script>alert('title')</script>Shelling of Sumy",
    "source": "<img src=x onerror=alert('source')>",
    "url": "javascript:alert('url')",
    "published": "2025-06-03",
    "text": (
        f"Russian forces shelled Sumy on Monday, killing three people {SCRIPT} and wounding"
        f" five, the regional governor said. {IMG} Emergency workers remained at the scene"
        " late into the evening."
    ),
}
# one event (Odesa, 3 June, drones) reported by two outlets: an event with two reports
TWO_OUTLETS = [
    {
        "id": "odesa-a",
        "title": "Drones hit Odesa",
        "source": "Kyiv Wire",
        "published": "2025-06-04",
        "text": "Russian drones struck Odesa on 3 June, injuring four people, local officials said."
        " Repair crews were working to restore power to the area.",
    },
    {
        "id": "odesa-b",
        "title": "Odesa drone attack",
        "source": "River News",
        "published": "2025-06-04",
        "text": "Five people were injured when Russian drones attacked Odesa on 3 June, the"
        " city's military administration reported. Schools in the area moved classes online.",
    },
]


def build_store(location: str, workdir: Path) -> None:
    """The example articles (published 2025-06-02), TWO_OUTLETS and HOSTILE, ingested into the
    store at `location` (a SQLite path or a postgresql:// URL)."""
    from eventwire.ingest import ingest
    from eventwire.store import open_store

    extra = workdir / "web-extra.jsonl"
    extra.write_text("".join(json.dumps(a) + "\n" for a in [*TWO_OUTLETS, HOSTILE]))
    with open_store(location) as store:
        report = ingest([str(EXAMPLES)], store, published=date(2025, 6, 2))
        assert not report.failed, report.failed
        report = ingest([str(extra)], store)
        assert not report.failed, report.failed
    extra.unlink()


@dataclass(frozen=True)
class LiveServer:
    url: str  # http://127.0.0.1:PORT, no trailing slash
    token: str  # the write token (Authorization: Bearer …)
    db: Path


@contextmanager
def serve_in_thread(app: Any, host: str = "127.0.0.1") -> Iterator[str]:
    """uvicorn serving `app` on a free port of `host` in a thread; yields the base URL."""
    import uvicorn

    config = uvicorn.Config(app, host=host, port=0, log_level="warning", lifespan="off")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name="live-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the live server did not start")
        time.sleep(0.01)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(10)


def local_client(app: Any, **options: Any) -> Any:
    """A TestClient of `app` as a local browser reaches it (Host: localhost, a name the server
    answers for by default; TestClient's own "testserver" is not)."""
    from fastapi.testclient import TestClient

    return TestClient(app, base_url="http://localhost", **options)
