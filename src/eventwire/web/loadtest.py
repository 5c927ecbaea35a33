"""Load test of the web API: concurrent readers of /api/events over a store of 10,000 events.

`python -m eventwire.web.loadtest` (in `make bench`) fills a fresh SQLite store with 10,000
generated events (stored directly through `Store.add_article`, no extraction: fast), starts
`eventwire serve` on a free loopback port in a subprocess, and runs 200 readers, each with
its own keep-alive connection, sending requests back to back for 30 s (no pause: a worst
case), in the mix of `query_mix`: the map's whole view, pages of 100-1,000 events, the map's
filters. It prints requests, errors, throughput and p50/p95/p99 latency, then the time of one
whole-map request (every event as GeoJSON, as the map page loads it), and exits 1 on any
error. Traffic goes to 127.0.0.1 only, and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode

from eventwire.model import Article, Event, Evidence

KINDS = (
    ("Explosions/Remote violence", "Shelling/artillery/missile attack", "ATTACK"),
    ("Explosions/Remote violence", "Air/drone strike", "ATTACK"),
    ("Battles", "Armed clash", "FIGHT"),
    ("Violence against civilians", "Attack", "ASSAULT"),
    ("Protests", "Peaceful protest", "PROTEST"),
    ("Strategic developments", "Arrests", "DETAIN"),
)
COUNTRIES = ("Ukraine", "Russia", "Sudan", "Benin", "Palestine")
ACTORS = (
    "Military Forces of Russia (2000-)",
    "Military Forces of Ukraine (2019-)",
    "Rapid Support Forces",
    "Unidentified Armed Group (Benin)",
    "Protesters (Ukraine)",
    "Police Forces of Ukraine (2019-)",
)
OUTLETS = ("Kyiv Wire", "Eastern Daily", "Frontline Post", "Steppe Herald", "River News")
START = date(2024, 6, 1)
DAYS = 365


def fill_store(path: str, n: int, seed: int = 0) -> int:
    """A store at `path` with `n` events, one article each; returns the events stored."""
    from eventwire.store import SQLiteStore

    rng = random.Random(seed)
    with SQLiteStore(path) as store, store.transaction():  # one commit: the fill is not timed
        for i in range(n):
            event_type, sub_type, plover = KINDS[i % len(KINDS)]
            # a grid point per event, 30+ km from every other: nothing merges
            lat, lon = 30.0 + (i // 100) * 0.3, 20.0 + (i % 100) * 0.4
            day = (START + timedelta(days=rng.randrange(DAYS))).isoformat()
            place = f"Place {i}"
            outlet = OUTLETS[i % len(OUTLETS)]
            killed = rng.choice((None, 0, 1, 2, 3, 5, 8, 12))
            text = (
                f"{ACTORS[i % len(ACTORS)]} attacked {place} on {day}, killing {killed or 'no'}"
                f" people, local officials said. Report {i} of a generated load-test corpus."
            )
            article_id = f"load-{i}"
            evidence = [
                Evidence("event_type", article_id, 0, 40, text[:40], "cue word"),
                Evidence(
                    "location",
                    article_id,
                    text.index(place),
                    text.index(place) + len(place),
                    place,
                    "gazetteer",
                ),
            ]
            event = Event(
                event_id=f"ev-load-{i}",
                article_id=article_id,
                event_date=day,
                time_precision=1,
                event_type=event_type,
                sub_event_type=sub_type,
                plover=plover,
                actor1=ACTORS[i % len(ACTORS)],
                actor2=ACTORS[(i + 3) % len(ACTORS)] if i % 2 else None,
                civilian_targeting=bool(i % 3 == 0),
                country=COUNTRIES[i % len(COUNTRIES)],
                admin1=f"Region {i % 40}",
                location=place,
                latitude=lat,
                longitude=lon,
                geo_precision=1 + i % 3,
                geonameid=None,
                fatalities=killed,
                injuries=rng.choice((None, 1, 4)),
                claimed_by="local officials",
                verified=None if i % 7 else False,
                sources=[outlet],
                notes=f"On {day}, {ACTORS[i % len(ACTORS)]} attacked {place}. {killed or 0}"
                " fatalities reported by local officials.",
                evidence=evidence,
                confidence=0.8,
            )
            article = Article(
                text=text,
                article_id=article_id,
                published=date.fromisoformat(day),
                source=outlet,
                title=f"Attack on {place}",
            )
            store.add_article(article, [event])
    with SQLiteStore(path) as store:
        return store.count_events()


def query_mix(rng: random.Random, total: int) -> str:
    """One reader's next request, as map users and API clients ask.

    The map's whole view (every event, 5%); one of the first ten pages of 100, 500 or 1,000
    events (35%); or a page of 1,000 with one of the filters a user picks from the map's menus
    (60%): a type, a country, an actor, a calendar month, or within 50-200 km of a town. A
    third ask for plain JSON instead of GeoJSON. Many readers ask the same views, as users do.
    """
    params: dict[str, str | int] = {}
    kind = rng.random()
    if kind < 0.05:
        params["limit"] = min(total, 10_000)
    elif kind < 0.40:
        limit = rng.choice((100, 500, 1000))
        params.update(limit=limit, offset=limit * rng.randrange(10))
    else:
        params["limit"] = 1000
        choice = rng.randrange(5)
        if choice == 0:
            params["type"] = rng.choice(KINDS)[rng.randrange(3)]
        elif choice == 1:
            params["country"] = rng.choice(COUNTRIES)
        elif choice == 2:
            params["actor"] = rng.choice(("russia", "ukraine", "armed group", "protesters"))
        elif choice == 3:
            month = rng.randrange(12)
            since = date(
                START.year + (START.month + month - 1) // 12, (START.month + month - 1) % 12 + 1, 1
            )
            until = (since + timedelta(days=31)).replace(day=1) - timedelta(days=1)
            params.update(since=since.isoformat(), until=until.isoformat())
        else:
            i = rng.randrange(20) * 487 % max(1, total)  # one of 20 towns of the grid
            lat, lon = 30.0 + (i // 100) * 0.3, 20.0 + (i % 100) * 0.4
            params["near"] = f"{lat:.1f},{lon:.1f},{rng.choice((50, 100, 200))}"
    if rng.random() < 0.3:
        params["format"] = "json"
    return "/api/events?" + urlencode(params)


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    bytes: int = 0
    requests: int = 0
    started: list[float] = field(default_factory=list)  # s after the start, per latency


async def _request(
    reader: asyncio.StreamReader,
    writer: asyncio.StreamWriter,
    host: str,
    path: str,
    gzip: bool = True,
) -> tuple[int, bytes]:
    """One GET on a keep-alive HTTP/1.1 connection: status and body (Content-Length framed)."""
    request = f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept: */*\r\n"
    if gzip:  # as browsers ask
        request += "Accept-Encoding: gzip\r\n"
    writer.write((request + "\r\n").encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = None
    for line in lines[1:]:
        name, _, value = line.partition(":")
        if name.strip().lower() == "content-length":
            length = int(value.strip())
    if length is None:
        raise ValueError("no Content-Length")
    body = await reader.readexactly(length)
    return status, body


async def _reader(
    host: str, port: int, seconds: float, seed: int, total: int, tally: Tally, start: float
) -> None:
    rng = random.Random(seed)
    deadline = start + seconds
    reader = writer = None
    while time.perf_counter() < deadline:
        path = query_mix(rng, total)
        began = time.perf_counter()
        tally.requests += 1
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            assert reader is not None
            status, body = await asyncio.wait_for(_request(reader, writer, host, path), 60)
            tally.latencies.append(time.perf_counter() - began)
            tally.started.append(began - start)
            tally.bytes += len(body)
            if status != 200:
                tally.errors[f"HTTP {status}"] += 1
        except Exception as err:  # any failure is an error; a fresh connection follows
            tally.errors[type(err).__name__] += 1
            if writer is not None:
                writer.close()
            reader = writer = None
    if writer is not None:
        writer.close()


async def run_readers(host: str, port: int, readers: int, seconds: float, total: int) -> Tally:
    tally = Tally()
    start = time.perf_counter()
    await asyncio.gather(
        *(_reader(host, port, seconds, i, total, tally, start) for i in range(readers))
    )
    return tally


def free_port(host: str) -> int:
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


def wait_until_up(host: str, port: int, process: subprocess.Popen[bytes], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            with socket.create_connection((host, port), timeout=1):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError("the server did not start")


def percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def whole_map(
    host: str, port: int, total: int, gzip: bool, times: int = 3
) -> tuple[float, int, int]:
    """Median seconds, bytes and status of GET /api/events?limit=10000 (the map's load)."""

    async def once() -> tuple[float, int, int]:
        reader, writer = await asyncio.open_connection(host, port)
        began = time.perf_counter()
        path = f"/api/events?limit={min(total, 10_000)}"
        status, body = await _request(reader, writer, host, path, gzip=gzip)
        took = time.perf_counter() - began
        writer.close()
        return took, len(body), status

    runs = [asyncio.run(once()) for _ in range(times)]
    return statistics.median(r[0] for r in runs), runs[0][1], max(r[2] for r in runs)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eventwire.web.loadtest", description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--readers", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument(
        "--workers", type=int, default=1, help="uvicorn worker processes (1: one shared cache)"
    )
    parser.add_argument("--db", help="use (and keep) this store; filled if it has no events")
    args = parser.parse_args(argv)
    host = "127.0.0.1"
    command = (
        f"python -m eventwire.web.loadtest --events {args.events} --readers {args.readers}"
        f" --seconds {args.seconds:g} --workers {args.workers}"
    )
    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or str(Path(tmp) / "load.sqlite")
        began = time.perf_counter()
        from eventwire.store import open_store

        with open_store(db) as store:
            total = store.count_events()
        if total == 0:
            total = fill_store(db, args.events)
        print(f"store: {total} events ({time.perf_counter() - began:.1f} s to open or fill)")
        port = free_port(host)
        env = {**os.environ, "EVENTWIRE_TOKEN": ""}
        server = subprocess.Popen(
            [sys.executable, "-c", _SERVE, db, host, str(port), str(args.workers)],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        try:
            wait_until_up(host, port, server, 60)
            tally = asyncio.run(run_readers(host, port, args.readers, args.seconds, total))
            whole = whole_map(host, port, total, gzip=False)
            whole_gz = whole_map(host, port, total, gzip=True)
        finally:
            server.terminate()
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                server.kill()
    n = len(tally.latencies)
    errors = sum(tally.errors.values())
    ms = [x * 1000 for x in tally.latencies] or [0.0]
    print(
        f"/api/events under load: {args.readers} readers for {args.seconds:g} s on"
        f" {host}, {args.workers} uvicorn workers, {total} events"
    )
    print(
        f"  requests {tally.requests}, errors {errors}"
        + (f" ({dict(tally.errors)})" if errors else "")
        + f", {n / args.seconds:.0f} requests/s, {tally.bytes / 1e6 / args.seconds:.1f} MB/s"
    )
    print(
        f"  latency ms: p50 {percentile(ms, 0.50):.0f}, p95 {percentile(ms, 0.95):.0f},"
        f" p99 {percentile(ms, 0.99):.0f}, max {max(ms):.0f}"
    )
    warm = [x * 1000 for x, t in zip(tally.latencies, tally.started, strict=True) if t >= 10]
    if warm:
        print(
            f"  after the first 10 s (caches warm): {len(warm)} requests, p50"
            f" {percentile(warm, 0.50):.0f}, p95 {percentile(warm, 0.95):.0f},"
            f" p99 {percentile(warm, 0.99):.0f} ms"
        )
    print(
        f"  whole map (GET /api/events?limit={min(total, 10_000)}, GeoJSON, no other load):"
        f" {whole[0] * 1000:.0f} ms for {whole[1] / 1e6:.1f} MB, gzip"
        f" {whole_gz[0] * 1000:.0f} ms for {whole_gz[1] / 1e6:.2f} MB"
    )
    print(f"  reproduce: {command}")
    return 1 if errors or n == 0 or {whole[2], whole_gz[2]} != {200} else 0


_SERVE = (
    "import sys\n"
    "from eventwire.cli import main\n"
    "db, host, port, workers = sys.argv[1:5]\n"
    "main(['serve', '--db', db, '--host', host, '--port', port, '--workers', workers])\n"
)


if __name__ == "__main__":
    sys.exit(main())
