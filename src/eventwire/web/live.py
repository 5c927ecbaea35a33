"""Live updates of the map: GET /api/stream pushes new and changed events as Server-Sent Events.

One poller per server process asks the store what changed since its cursor (`Store.changes`:
the reports stored after a report seq, whichever process wrote them — `eventwire watch`,
`ingest`, a POST), builds each changed event's GeoJSON feature once, and hands the same
message to every open page. It polls only while a page is connected, and an idle poll is one
indexed lookup. Each message's SSE id is the cursor after it, so a page that reconnects (the
browser's EventSource sends `Last-Event-ID`) is sent what it missed, from the store; one too
far behind (or ahead: another store) is told to reload instead.

sse-starlette writes the stream: keep-alive comments, the client's disconnect, and, on a
server shutdown, every open stream ended at once (a plain StreamingResponse would hold
uvicorn's graceful shutdown until each browser went away).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from typing import Any

import anyio
import orjson
from sse_starlette import EventSourceResponse, ServerSentEvent

from eventwire.model import Event
from eventwire.store import Store

LOG = logging.getLogger("eventwire.web")
POLL_SECONDS = 0.5  # how often the poller asks the store while a page is open
BATCH = 500  # changed events in one message (a mass drop is sent in several)
MAX_CATCH_UP = 2000  # changed events sent to a reconnecting page; more and it reloads
MAX_CATCH_UP_REPORTS = 50_000  # reports a reconnecting page may be behind before it reloads
QUEUE = 100  # messages a slow page may lag behind; then it is dropped (it reconnects)
RETRY_MS = 2000  # how long a browser waits before reconnecting
PING_SECONDS = 15  # keep-alive comment: proxies keep the connection, dead clients are noticed


@dataclass(frozen=True)
class Batch:
    """One message: the events changed after cursor `after`, up to and including `upto`."""

    after: int
    upto: int
    count: int  # events in it
    data: bytes  # {"cursor": upto, "features": [...], "new": [ids of events that appeared]}


Summary = Callable[[Event, int], dict[str, Any]]


def read_batch(store: Store, after: int, limit: int, summary: Summary) -> Batch | None:
    """The events changed after `after` (at most `limit`) as one message; None if none."""
    changes = store.changes(after, limit)
    if not changes:
        return None
    ids = [c.event_id for c in changes]
    counts = store.report_counts(ids)
    features = []
    for change in changes:
        event = store.event(change.event_id)
        if event is None:  # pragma: no cover - events are never deleted
            continue
        features.append(
            {
                "type": "Feature",
                "id": event.event_id,
                "geometry": None
                if event.latitude is None or event.longitude is None
                else {"type": "Point", "coordinates": [event.longitude, event.latitude]},
                "properties": summary(event, counts[event.event_id]),
            }
        )
    upto = changes[-1].seq
    new = [c.event_id for c in changes if c.new]
    data = orjson.dumps({"cursor": upto, "features": features, "new": new})
    return Batch(after, upto, len(features), data)


class LiveFeed:
    """The server's one poller and the queues of the pages it feeds.

    Lives in the server's event loop; the store is read in worker threads (`get_store` gives
    the calling thread's store).
    """

    def __init__(
        self, get_store: Callable[[], Store], summary: Summary, poll: float = POLL_SECONDS
    ) -> None:
        self.get_store = get_store
        self.summary = summary
        self.poll = poll
        self.queues: set[asyncio.Queue[Batch | None]] = set()
        self.cursor = 0
        self.task: asyncio.Task[None] | None = None
        self.polls = 0  # store lookups made (tests: no page, no polling)

    async def run_in_thread(self, fn: Callable[..., Any], *args: Any) -> Any:
        return await anyio.to_thread.run_sync(fn, *args)

    async def read(self, after: int, limit: int = BATCH) -> Batch | None:
        """The next message after `after`, read from the store in a worker thread."""

        def read() -> Batch | None:
            return read_batch(self.get_store(), after, limit, self.summary)

        result: Batch | None = await self.run_in_thread(read)
        return result

    async def store_cursor(self) -> int:
        result: int = await self.run_in_thread(lambda: self.get_store().cursor())
        return result

    def polling(self) -> bool:
        return self.task is not None and not self.task.done()

    async def subscribe(self) -> asyncio.Queue[Batch | None]:
        """A queue of the messages from now on; the poller starts with the first page."""
        queue: asyncio.Queue[Batch | None] = asyncio.Queue(QUEUE)
        if not self.polling():
            cursor = await self.store_cursor()
            if not self.polling():  # no other first page started it meanwhile
                self.cursor = cursor
                self.queues.add(queue)
                self.task = asyncio.get_running_loop().create_task(self._poll())
                return queue
        self.queues.add(queue)
        return queue

    def unsubscribe(self, queue: asyncio.Queue[Batch | None]) -> None:
        self.queues.discard(queue)  # the poller stops by itself when none is left

    async def _poll(self) -> None:
        failing = False
        while self.queues:
            try:
                self.polls += 1
                batch = await self.read(self.cursor)
                failing = False
            except Exception as err:  # the store is busy or gone for a moment: try again later
                if not failing:
                    LOG.warning("live updates: cannot read the store (%s); retrying", err)
                failing = True
                batch = None
            if batch is not None:
                self.cursor = batch.upto
                for queue in list(self.queues):
                    try:
                        queue.put_nowait(batch)
                    except asyncio.QueueFull:  # too slow: drop it; its page reconnects
                        self.queues.discard(queue)
                        queue.get_nowait()
                        queue.put_nowait(None)
                continue  # there may be more: ask again at once
            await asyncio.sleep(self.poll)

    def response(self, start: int | None) -> EventSourceResponse:
        """The SSE stream of one page; `start` is the cursor it has seen (None: now)."""
        return EventSourceResponse(
            self._messages(start),
            ping=PING_SECONDS,
            headers={"Cache-Control": "no-store"},
        )

    async def _messages(self, start: int | None) -> AsyncIterator[ServerSentEvent]:
        queue = await self.subscribe()
        try:
            cursor = self.cursor
            if start is not None and start != cursor:
                now = await self.store_cursor()
                if start > now or now - start > MAX_CATCH_UP_REPORTS:
                    # another store, or too far behind: the page loads everything again
                    yield _event("reload", now, {"cursor": now})
                    start = now
                cursor = start
                sent = 0
                while cursor < now:
                    batch = await self.read(cursor)
                    if batch is None:
                        break
                    sent += batch.count
                    if sent > MAX_CATCH_UP:
                        cursor = await self.store_cursor()
                        yield _event("reload", cursor, {"cursor": cursor})
                        break
                    yield _sse("events", batch)
                    cursor = batch.upto
            yield ServerSentEvent(
                data=orjson.dumps({"cursor": cursor}).decode(),
                event="hello",
                id=str(cursor),
                retry=RETRY_MS,
            )
            while True:
                batch = await queue.get()
                if batch is None:  # dropped as too slow
                    return
                if batch.upto <= cursor:  # sent already (while catching up)
                    continue
                while batch.after > cursor:  # a gap: what came before it, from the store
                    earlier = await self.read(cursor)
                    if earlier is None:
                        break
                    yield _sse("events", earlier)
                    cursor = earlier.upto
                if batch.upto > cursor:
                    yield _sse("events", batch)
                    cursor = batch.upto
        finally:
            self.unsubscribe(queue)


def _sse(name: str, batch: Batch) -> ServerSentEvent:
    return ServerSentEvent(data=batch.data.decode(), event=name, id=str(batch.upto))


def _event(name: str, cursor: int, data: dict[str, Any]) -> ServerSentEvent:
    return ServerSentEvent(data=orjson.dumps(data).decode(), event=name, id=str(cursor))


def parse_cursor(value: str | None) -> int | None:
    """A Last-Event-ID or `after` value as a cursor; None when it is not one."""
    if value is None or not value.strip().isdigit() or len(value.strip()) > 18:
        return None
    return int(value.strip())
