"""GET /api/stream: changes written by another connection (as `eventwire watch` in another
process) reach an open stream; a reconnect with Last-Event-ID catches up; no page, no polling.

A uvicorn server in a thread over a fresh store, SQLite and PostgreSQL; events are stored
directly with `Store.add_article` (no extraction: fast).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import httpx
import pytest
from webstore import TOKEN, serve_in_thread

from events import make_event
from eventwire.model import Article, Event, text_id
from eventwire.store import Store, open_store
from eventwire.web.app import create_app


def _article(text: str, source: str) -> Article:
    return Article(text=text, source=source, article_id=text_id(text))


def _mention(article: Article, **fields: Any) -> Event:
    base = make_event(
        event_id="ew-" + article.article_id[:8],
        article_id=article.article_id,
        sources=[article.source],
        evidence=[],
    )
    return replace(base, **fields)


A = _article("Russian missiles hit Kharkiv on Tuesday, killing three.", "Kyiv Wire")
B = _article("A Russian missile struck Kharkiv on 3 June, killing four.", "Eastern Daily")
C = _article("Russian artillery shelled Odesa on 10 June.", "River News")
ODESA = {"location": "Odesa", "latitude": 46.48, "longitude": 30.72, "geonameid": 698740}


@pytest.fixture
def server(store_location: str) -> Iterator[tuple[str, Any, Store]]:
    """The app over a fresh store (SQLite, then PostgreSQL), and another writer to it."""
    app = create_app(store_location, TOKEN)
    writer = open_store(store_location)  # another connection: as another process would write
    with serve_in_thread(app) as url:
        yield url, app, writer
    writer.close()
    app.state.pool.close()


class Stream:
    """An SSE client: (event, id, data) messages read line by line from an open response."""

    def __init__(self, response: httpx.Response) -> None:
        self.lines = response.iter_lines()

    def next(self, timeout: float = 10) -> tuple[str, str, Any]:
        deadline = time.monotonic() + timeout
        event, ident, data = "message", "", []
        for line in self.lines:
            if time.monotonic() > deadline:
                break
            if not line:
                if data:
                    return event, ident, json.loads("\n".join(data))
                continue
            name, _, value = line.partition(":")
            value = value.removeprefix(" ")
            if name == "event":
                event = value
            elif name == "id":
                ident = value
            elif name == "data":
                data.append(value)
        raise AssertionError("no message in time")


def _open(url: str, **headers: str) -> Any:
    client = httpx.Client(timeout=httpx.Timeout(10, read=10))
    return client, client.stream("GET", url, headers=headers)


def test_a_change_by_another_writer_is_pushed(server: tuple[str, Any, Store]) -> None:
    url, app, writer = server
    time.sleep(1.2)
    assert app.state.live.polls == 0  # no page open: the store is not polled
    writer.add_article(A, [_mention(A, fatalities=3)])
    page = httpx.get(url + "/api/events").json()
    assert page["cursor"] == writer.cursor() > 0
    client, request = _open(url + f"/api/stream?after={page['cursor']}")
    with client, request as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        assert "content-security-policy" in response.headers
        stream = Stream(response)
        assert stream.next()[:2] == ("hello", str(page["cursor"]))
        # a second outlet's report of the same event, and a new event elsewhere
        pushed_at = time.monotonic()
        writer.add_article(B, [_mention(B, fatalities=4)])
        name, ident, data = stream.next()
        assert time.monotonic() - pushed_at < 3
        assert name == "events" and ident == str(data["cursor"]) == str(writer.cursor())
        [feature] = data["features"]
        assert feature["id"] == "ew-" + A.article_id[:8] and data["new"] == []
        assert feature["properties"]["report_count"] == 2
        assert feature["properties"]["sources"] == ["Kyiv Wire", "Eastern Daily"]
        assert feature["geometry"]["type"] == "Point"
        writer.add_article(C, [_mention(C, **ODESA)])
        _, _, data = stream.next()
        assert data["new"] == ["ew-" + C.article_id[:8]]
        assert data["features"][0]["properties"]["location"] == "Odesa"
    # the page has gone: the poller stops
    deadline = time.monotonic() + 5
    while app.state.live.queues and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not app.state.live.queues


def test_a_reconnect_with_last_event_id_catches_up(server: tuple[str, Any, Store]) -> None:
    url, _, writer = server
    writer.add_article(A, [_mention(A)])
    seen = writer.cursor()
    writer.add_article(B, [_mention(B)])  # missed while away
    writer.add_article(C, [_mention(C, **ODESA)])
    client, request = _open(url + "/api/stream?after=0", **{"Last-Event-ID": str(seen)})
    with client, request as response:
        stream = Stream(response)
        name, _, data = stream.next()
        assert name == "events"  # Last-Event-ID wins over after=0
        assert [f["id"] for f in data["features"]] == [
            "ew-" + A.article_id[:8],
            "ew-" + C.article_id[:8],
        ]
        assert data["new"] == ["ew-" + C.article_id[:8]]
        assert stream.next()[:2] == ("hello", str(writer.cursor()))
    # a cursor ahead of the store (another store behind the same URL): reload
    client, request = _open(url + "/api/stream", **{"Last-Event-ID": "999999"})
    with client, request as response:
        name, _, data = Stream(response).next()
        assert (name, data) == ("reload", {"cursor": writer.cursor()})


def test_the_stream_keeps_the_servers_rules(server: tuple[str, Any, Store]) -> None:
    url, _, _ = server
    refused = httpx.get(url + "/api/stream", headers={"Host": "attacker.example"})
    assert refused.status_code == 400
    assert httpx.get(url + "/api/stream?after=-1").status_code == 422


def test_one_poller_feeds_every_page(server: tuple[str, Any, Store]) -> None:
    url, app, writer = server
    feed = app.state.live
    opened = [_open(url + "/api/stream") for _ in range(3)]
    responses = [request.__enter__() for _, request in opened]
    try:
        streams = [Stream(r) for r in responses]
        for stream in streams:
            assert stream.next()[0] == "hello"
        before, start = feed.polls, time.monotonic()
        time.sleep(2)
        polls = feed.polls - before
        # one poller, however many pages: about one lookup per POLL_SECONDS, not three
        assert polls <= (time.monotonic() - start) / feed.poll + 2
        writer.add_article(A, [_mention(A)])
        for stream in streams:  # the same message reaches every page
            name, _, data = stream.next()
            assert name == "events" and data["new"] == ["ew-" + A.article_id[:8]]
    finally:
        for client, request in opened:
            request.__exit__(None, None, None)
            client.close()
