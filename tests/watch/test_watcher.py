"""The watcher end to end, in this process (the pipeline loaded once): drops, alerts, feeds, a
mass drop with bad files among good ones, a restart catching up, and the idle cost.

The SIGKILL and two-watcher tests run the `eventwire watch` command itself: test_watch_cli.py.
"""

from __future__ import annotations

import io
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from loopback import Loopback

from eventwire.model import text_id
from eventwire.store import open_store
from eventwire.store.synthetic import generate
from eventwire.watch import WatchStats, watch
from eventwire.watch.checkpoint import Checkpoint

pytestmark = pytest.mark.slow

KHARKIV = (49.99, 36.23)
# one shelling of Kharkiv told by three outlets (no toll, then four killed twice), and a drone
# strike on Lviv; written for these tests
REPORTS = {
    "a": (
        "Russian shelling hit the centre of Kharkiv on Monday, local officials said. The number"
        " of casualties was not yet known.",
        "Kyiv Wire",
    ),
    "b": (
        "Russian shelling of Kharkiv on Monday killed four civilians, the regional governor said.",
        "Eastern Daily",
    ),
    "c": (
        "Russian drones struck Lviv on Monday, injuring two people, the city council said.",
        "River News",
    ),
    "d": (
        "Four people were killed when Russian artillery hit Kharkiv on Monday, according to the"
        " regional governor.",
        "Frontline Post",
    ),
}


@dataclass
class Running:
    """A watcher running in a thread: its stderr and stdout so far, and its stats at the end."""

    log: io.StringIO = field(default_factory=io.StringIO)
    out: io.StringIO = field(default_factory=io.StringIO)
    result: dict[str, Any] = field(default_factory=dict)

    def lines(self) -> list[str]:
        return self.log.getvalue().splitlines()

    def alerts(self) -> list[str]:
        return self.out.getvalue().splitlines()

    @property
    def stats(self) -> WatchStats:
        stats: WatchStats = self.result["stats"]
        return stats


@contextmanager
def running(paths: list[Path], db: str, **options: Any) -> Iterator[Running]:
    """`watch` in a thread until the block ends; the block starts once it is ready."""
    run = Running()
    stop = threading.Event()

    def target() -> None:
        try:
            run.result["stats"] = watch(
                [str(p) for p in paths], db, stop=stop, log=run.log, out=run.out, **options
            )
        except BaseException as err:  # re-raised in the test
            run.result["error"] = err

    thread = threading.Thread(target=target)
    thread.start()
    try:
        wait_for(lambda: "watch: ready" in run.log.getvalue() or "error" in run.result, 120)
        yield run
    finally:
        stop.set()
        thread.join(60)
    if "error" in run.result:
        raise run.result["error"]


def wait_for(condition: Callable[[], object], seconds: float) -> float:
    """Seconds until `condition()` held; fails after `seconds`."""
    started = time.monotonic()
    while not condition():
        if time.monotonic() - started > seconds:
            pytest.fail(f"not within {seconds} s")
        time.sleep(0.02)
    return time.monotonic() - started


def drop(folder: Path, name: str, text: str, source: str, published: str = "2025-06-03") -> Path:
    """An article as a one-line JSON Lines file, written under a hidden name and renamed."""
    record = {"text": text, "source": source, "published": published}
    hidden = folder / f".{name}.part"
    hidden.write_text(json.dumps(record) + "\n", encoding="utf-8")
    path = folder / name
    os.rename(hidden, path)
    return path


def stored(db: str, text: str) -> bool:
    with open_store(db) as store:
        return store.has_article(text)


def test_alerts_fire_once_per_event_within_seconds_and_again_when_its_toll_rises(
    tmp_path: Path, loopback: Loopback
) -> None:
    folder, db = tmp_path / "in", str(tmp_path / "store.sqlite")
    folder.mkdir()
    near = f"near={KHARKIV[0]},{KHARKIV[1]},50 print post={loopback.url}/hook"
    rules = [near, "min_fatalities=3"]
    with running([folder], db, alerts=rules) as run:
        for name, count in (("a", 1), ("c", 1), ("b", 3), ("d", 3)):
            text, source = REPORTS[name]
            drop(folder, f"{name}.jsonl", text, source)
            took = wait_for(lambda text=text: stored(db, text), 10)  # type: ignore[misc]
            assert took < 5, f"{name} stored after {took:.1f} s"
            took = wait_for(lambda count=count: len(run.alerts()) >= count, 10)  # type: ignore[misc]
            assert took < 10
        wait_for(lambda: len(loopback.posts()) >= 2, 10)
        time.sleep(2.5)  # an alert poll after the last drop: nothing more fires
    lines = run.alerts()
    assert len(lines) == 3, lines
    assert lines[0].startswith(f"ALERT [{near.split()[0]}] new: 2025-06-02 Shelling")
    assert ": no toll given" in lines[0]  # a: no figure yet
    assert "toll rose from no toll given: 2025-06-02" in lines[1] and "4 killed" in lines[1]
    assert lines[2].startswith("ALERT [min_fatalities=3] new:") and "4 killed" in lines[2]
    # the Lviv strike matched nothing; the third report (d) changed no toll
    posts = [json.loads(p.body) for p in loopback.posts()]
    assert [p["alert"]["why"] for p in posts] == ["new", "toll rose"]
    assert posts[1]["event"]["fatalities"] == 4 and posts[1]["alert"]["previous"] == {
        "fatalities": None,
        "injuries": None,
    }
    assert run.stats.alerts == 3
    # a restart fires nothing again, and reads no file again
    with running([folder], db, alerts=rules) as again:
        time.sleep(1)
    assert again.alerts() == [] and len(loopback.posts()) == 2
    assert again.stats.files == 0


def test_a_restart_catches_up_and_a_changed_file_is_read_again(tmp_path: Path) -> None:
    folder, db = tmp_path / "in", str(tmp_path / "store.sqlite")
    folder.mkdir()
    drop(folder, "a.jsonl", *REPORTS["a"])
    with running([folder], db) as run:  # read at start
        wait_for(lambda: "files read" in run.log.getvalue(), 10)
    assert run.stats.articles == 1
    drop(folder, "b.jsonl", *REPORTS["b"])  # while no watcher runs
    (folder / "a.jsonl").write_text(  # a.jsonl rewritten with a corrected text
        json.dumps({"text": REPORTS["d"][0], "source": "Kyiv Wire", "published": "2025-06-03"})
    )
    with running([folder], db) as run:
        wait_for(lambda: run.log.getvalue().count("+ ") >= 2, 10)
    assert run.stats.files == 2 and run.stats.articles == 2 and run.stats.duplicates == 0
    assert f"[2/2] + {folder / 'b.jsonl'}:1: 1 event (0 new, 1 merged)" in run.lines()
    with open_store(db) as store:
        assert store.counts() == {"articles": 3, "events": 1, "reports": 3}


def test_a_store_in_the_watched_folder_is_not_read(tmp_path: Path) -> None:
    db = str(tmp_path / "eventwire.sqlite")  # a newsroom's folder with its store in it
    with running([tmp_path], db) as run:
        drop(tmp_path, "a.jsonl", *REPORTS["a"])
        wait_for(lambda: "files read" in run.log.getvalue(), 10)
        time.sleep(1.5)  # the store's writes were noticed, and passed over
    assert run.stats.failed == 0 and run.stats.files == 1, run.log.getvalue()
    assert "sqlite" not in run.log.getvalue()


def feed_of(records: list[dict[str, str]]) -> bytes:
    """An RSS feed with one item per record: its text as description, its day as pubDate."""
    from datetime import UTC, datetime
    from email.utils import format_datetime
    from xml.sax.saxutils import escape

    items = []
    for k, r in enumerate(records):
        day = datetime.fromisoformat(r["published"]).replace(hour=9, tzinfo=UTC)
        items.append(
            f"<item><guid>item-{k}</guid><link>https://wire.example/{k}</link>"
            f"<pubDate>{format_datetime(day)}</pubDate>"
            f"<description>{escape(r['text'])}</description></item>"
        )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Kyiv Wire</title>'
        + "".join(items)
        + "</channel></rss>"
    ).encode()


def test_a_feed_of_200_items_is_ingested_once_then_polled_with_a_conditional_get(
    tmp_path: Path, loopback: Loopback
) -> None:
    records, _ = generate(200, seed=3)
    loopback.feed = feed_of(records)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"# the wire\n{loopback.url}/feed.xml\n")
    db = str(tmp_path / "store.sqlite")
    with running([], db, feeds_file=str(feeds), every=1.0) as run:
        wait_for(lambda: len(loopback.gets()) >= 3, 60)  # the read, then two polls
    first, *later = loopback.gets()
    assert first.status == 200 and "If-None-Match" not in first.headers
    assert all(g.status == 304 and g.headers.get("If-None-Match") for g in later)
    assert all(g.headers.get("If-Modified-Since") for g in later)
    texts = {r["text"] for r in records}
    assert run.stats.articles == len(texts) and run.stats.failed == 0
    assert run.stats.duplicates == 200 - len(texts)  # the republished copies among the items
    assert sum(line.startswith("feed ") for line in run.lines()) == 1  # the 304s add nothing
    with open_store(db) as store:
        assert store.counts()["articles"] == len(texts)
        assert all(store.has_article(t) for t in texts)
        stored_article = store.article(text_id(records[0]["text"]))
        assert stored_article is not None and stored_article.url == "https://wire.example/0"
        assert stored_article.source == "Kyiv Wire"
    # a restart polls again with the validators it kept
    with running([], db, feeds_file=str(feeds), every=60.0, once=True):
        pass
    assert loopback.gets()[-1].status == 304


def test_a_slow_feed_never_holds_up_a_dropped_file(tmp_path: Path, loopback: Loopback) -> None:
    loopback.feed, loopback.delay = feed_of(generate(1, seed=1)[0]), 6.0
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{loopback.url}/feed.xml\n")
    folder, db = tmp_path / "in", str(tmp_path / "store.sqlite")
    folder.mkdir()
    with running([folder], db, feeds_file=str(feeds), every=60.0) as run:
        drop(folder, "a.jsonl", *REPORTS["a"])
        assert wait_for(lambda: stored(db, REPORTS["a"][0]), 10) < 4  # the poll is under way
        assert not loopback.gets()  # the server has not answered the poll yet
        wait_for(lambda: "feed " in run.log.getvalue(), 15)  # then the feed is read too
    assert run.stats.polls == 1 and run.stats.articles == 2


NOT_ENGLISH = (
    "Российские войска обстреляли Харьков в понедельник, погибли три человека, сообщил губернатор"
    " области. Повреждены жилые дома и школа."
)


def test_a_mass_drop_is_all_ingested_and_bad_files_reported(tmp_path: Path) -> None:
    """The suite's mass drop: 150 articles and five bad files at once (1,000 in
    benchmarks/watch.py)."""
    folder, db = tmp_path / "in", str(tmp_path / "store.sqlite")
    folder.mkdir()
    records, _ = generate(150, seed=5)
    staging = tmp_path / "staging"
    staging.mkdir()
    big = staging / "big.txt"
    with open(big, "w") as stream:
        line = REPORTS["b"][0] + "\n"
        stream.write(line * (20_000_000 // len(line) + 1))
    with running([folder], db) as run:
        for k, record in enumerate(records):
            (folder / f"n{k:04d}.jsonl").write_text(json.dumps(record) + "\n")
        (folder / "scan.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
        (folder / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(2000))
        (folder / "empty.txt").write_bytes(b"")
        (folder / "ru.txt").write_text(NOT_ENGLISH)
        os.rename(big, folder / "big.txt")
        wait_for(lambda: "155 files read" in run.log.getvalue(), 120)
    texts = {r["text"] for r in records}
    with open_store(db) as store:
        assert all(store.has_article(t) for t in texts)
        assert store.counts()["articles"] == len(texts)
    log = run.log.getvalue()
    assert f"! {folder / 'scan.txt'}: binary data (a PNG image)" in log
    assert f"! {folder / 'photo.png'}: skipped: binary data (a PNG image)" in log
    assert f"! {folder / 'empty.txt'}: empty input" in log
    assert f"! {folder / 'big.txt'}: too large: 20.0 MB (limit 5 MB)" in log
    assert f"! {folder / 'ru.txt'}: not English" in log
    progress = [line for line in run.lines() if line.startswith("[")]
    assert len(progress) == 155  # one line per article or bad file, each with its place
    assert any(line.startswith("[155/155] ") for line in progress)
    checkpoint = Checkpoint(db)
    failures = {os.path.basename(p): (o, r) for p, o, r in checkpoint.file_failures()}
    checkpoint.close()
    assert set(failures) == {"scan.txt", "photo.png", "empty.txt", "big.txt", "ru.txt"}
    assert failures["photo.png"][0] == "skipped" and failures["big.txt"][0] == "failed"


def test_an_idle_watcher_costs_under_two_percent_of_a_core(
    tmp_path: Path, loopback: Loopback
) -> None:
    import psutil

    folder, db = tmp_path / "in", str(tmp_path / "store.sqlite")
    folder.mkdir()
    for k in range(200):
        (folder / f"old{k}.txt").write_text("x")  # a folder with files in it, read once
    loopback.feed = feed_of(generate(2, seed=1)[0])
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{loopback.url}/feed.xml\n")
    with running([folder], db, feeds_file=str(feeds), every=2.0, alerts=["country=UA"]) as run:
        wait_for(lambda: "files read" in run.log.getvalue(), 30)
        time.sleep(1)
        process = psutil.Process()
        before, started = process.cpu_times(), time.monotonic()
        time.sleep(6)
        after, seconds = process.cpu_times(), time.monotonic() - started
    used = (after.user - before.user + after.system - before.system) / seconds
    assert used < 0.02, f"{used:.1%} of a core"
