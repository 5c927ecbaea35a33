"""The response cache and the load test (a small run; `make bench` runs the real one)."""

from __future__ import annotations

import gzip
import threading
import time
from pathlib import Path

from fastapi.testclient import TestClient

from eventwire.store import open_store
from eventwire.web import loadtest
from eventwire.web.app import ResponseCache, accepts_gzip


class FakeStore:
    def __init__(self) -> None:
        self.articles = 1

    def counts(self) -> dict[str, int]:
        return {"articles": self.articles, "events": 1, "reports": 1}


def test_cache_builds_once_for_concurrent_readers_and_again_after_a_write() -> None:
    cache = ResponseCache()
    store = FakeStore()
    builds = []

    def build() -> bytes:
        builds.append(1)
        time.sleep(0.2)
        return b"x" * 2000

    results = []
    threads = [
        threading.Thread(target=lambda: results.append(cache.get_or_build("k", store, build)))
        for _ in range(8)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1 and len(results) == 8
    assert results[0].raw == b"x" * 2000 and gzip.decompress(results[0].gzipped) == results[0].raw
    cache.get_or_build("k", store, build)
    assert len(builds) == 1
    store.articles += 1  # a write: every entry is stale
    cache.get_or_build("k", store, build)
    assert len(builds) == 2


def test_cache_drops_least_recently_used_past_its_size() -> None:
    cache = ResponseCache(max_bytes=2500, max_entry=2000)
    store = FakeStore()
    cache.get_or_build("a", store, lambda: b"a" * 1000)
    cache.get_or_build("b", store, lambda: b"b" * 1000)
    cache.get_or_build("a", store, lambda: b"?")  # a is used again
    cache.get_or_build("c", store, lambda: b"c" * 1000)
    assert list(cache.entries) == ["a", "c"] and cache.size <= 2500
    cache.get_or_build("big", store, lambda: b"z" * 5000)  # over max_entry: not kept
    assert "big" not in cache.entries


def test_accept_encoding() -> None:
    assert accepts_gzip("gzip, deflate, br") and accepts_gzip("*") and accepts_gzip("GZIP;q=0.5")
    assert not accepts_gzip("br") and not accepts_gzip("gzip;q=0") and not accepts_gzip("")


def test_large_responses_are_gzipped_for_readers_that_ask(client: TestClient) -> None:
    asked = client.get("/api/events", headers={"Accept-Encoding": "gzip"})
    assert asked.headers["content-encoding"] == "gzip"
    assert asked.headers["vary"] == "Accept-Encoding"
    plain = client.get("/api/events", headers={"Accept-Encoding": "identity"})
    assert "content-encoding" not in plain.headers
    assert asked.json() == plain.json()


def test_fill_store_makes_distinct_events(tmp_path: Path) -> None:
    path = str(tmp_path / "load.sqlite")
    assert loadtest.fill_store(path, 250) == 250
    with open_store(path) as store:
        assert store.counts()["articles"] == 250


def test_a_small_load_run_has_no_error(tmp_path: Path, capsys) -> None:
    code = loadtest.main(
        ["--events", "300", "--readers", "20", "--seconds", "2", "--db", str(tmp_path / "l.db")]
    )
    out = capsys.readouterr().out
    assert code == 0, out
    assert (
        "errors 0" in out and "p95" in out and "reproduce: python -m eventwire.web.loadtest" in out
    )


def test_query_mix_asks_valid_requests(client: TestClient) -> None:
    import random

    rng = random.Random(1)
    for _ in range(60):
        path = loadtest.query_mix(rng, 16)
        assert client.get(path).status_code == 200, path


def test_a_load_run_with_errors_fails(tmp_path: Path, capsys, monkeypatch) -> None:
    monkeypatch.setattr(loadtest, "query_mix", lambda rng, total: "/api/events?limit=0")
    code = loadtest.main(
        ["--events", "50", "--readers", "4", "--seconds", "1", "--db", str(tmp_path / "l.db")]
    )
    out = capsys.readouterr().out
    assert code == 1
    assert "errors 0" not in out and "HTTP 422" in out
