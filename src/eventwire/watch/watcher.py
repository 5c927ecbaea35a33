"""The watch loop: folders and feeds in, `ingest` into one store, alerts out; the pipeline
loaded once and kept.

One thread does the work (the store's connection is used by it alone); watchfiles' thread only
passes notices in, and the feed threads only fetch. Files go to `ingest` in chunks of up to CHUNK_FILES, so a mass drop is
parsed in batches as `eventwire ingest` parses a folder, and each file is marked in the
checkpoint once its articles are stored.
"""

from __future__ import annotations

import os
import queue
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TextIO

from eventwire.ingest import Extractor, IngestReport, counted, ingest
from eventwire.model import Article
from eventwire.store import ArticleOutcome, Store
from eventwire.watch.alerts import Alerter, Rule
from eventwire.watch.checkpoint import Checkpoint, FeedState
from eventwire.watch.feeds import Poll, poll_feed, read_feed_list
from eventwire.watch.folders import (
    SETTLE_SECONDS,
    FileSeen,
    FolderNotices,
    is_new,
    kind_of,
    scan,
    settled,
    stat_of,
)

CHUNK_FILES = 32  # files given to one `ingest` call: one nlp.pipe batch of one-article files
ALERT_POLL_SECONDS = 2.0  # how often the alerts look for events other writers changed
FEED_THREADS = 4  # feeds fetched at once
IDLE_WAKE_SECONDS = 0.5  # the longest the loop sleeps: how soon it sees `stop`


@dataclass
class WatchStats:
    """What a watcher did since it started."""

    files: int = 0  # files read (failed ones included)
    articles: int = 0  # articles stored
    duplicates: int = 0
    failed: int = 0  # files, lines and entries that failed, and files not read
    events_added: int = 0
    events_merged: int = 0
    polls: int = 0
    alerts: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)


class Watcher:
    """Watches `roots` (folders or files) and the feeds of `feeds_file`, ingesting into `store`.

    `location` is the store's (a SQLite file or postgresql:// URL), where the checkpoint lives.
    Lines go to `log` (one per article, failure and feed poll) and alerts' lines to `out`.
    """

    def __init__(
        self,
        store: Store,
        location: str,
        roots: Sequence[str],
        *,
        feeds_file: str | None = None,
        every: float = 300.0,
        rules: Sequence[Rule] = (),
        log: TextIO | None = None,
        out: TextIO | None = None,
        extractor: Extractor | None = None,
        force_polling: bool | None = None,
    ) -> None:
        self.store = store
        self.checkpoint = Checkpoint(location)
        self.roots = [os.path.abspath(r) for r in roots]
        self._own = store_files(location)  # never read: a watched folder may hold the store
        self.feeds_file = feeds_file
        self.feeds: list[str] = read_feed_list(feeds_file) if feeds_file else []
        self._feeds_mtime = _mtime(feeds_file)
        self.every = every
        self.log = log or sys.stderr
        self.extractor = extractor
        self.force_polling = force_polling
        self.alerter = (
            Alerter(list(rules), self.checkpoint.claim_alert, out=out, log=self.log)
            if rules
            else None
        )
        self.stats = WatchStats()
        self._notices: queue.Queue[set[str]] = queue.Queue()
        self._pending: dict[str, float] = {}  # path -> when it was noticed
        self._seen: dict[str, tuple[int, int]] = {}
        self._burst = [0, 0]  # files done in this burst, files in it
        self._chunk: dict[str, int] = {}  # path -> its number in the burst, while ingesting
        self._due: dict[str, float] = {}  # feed url -> when it is next polled
        self._cursor = 0
        self._alerts_checked = 0.0
        self._pool: ThreadPoolExecutor | None = None
        self._fetches: dict[str, tuple[FeedState, Future[Poll]]] = {}  # polls under way

    # --- the loop ---

    def run(self, stop: threading.Event | None = None, *, once: bool = False) -> WatchStats:
        """Watch until `stop` is set; with `once`, read what is there, poll each feed once,
        fire the alerts, and return (a catch-up run)."""
        stop = stop or threading.Event()
        started = time.perf_counter()
        self._warm_up()
        notices = None
        if not once:
            notices = FolderNotices(self.roots, self._notices.put, force_polling=self.force_polling)
            notices.start()
            notices.ready.wait(10)  # the watches are in place before the scan: nothing slips by
        self._seen = self.checkpoint.seen_files()
        now = time.monotonic()
        for path in scan(self.roots):
            if path in self._own:
                continue
            seen = stat_of(path)
            if seen is not None and is_new(seen, self._seen):
                self._pending[path] = now
        self._due = dict.fromkeys(self.feeds, now)
        if self.alerter:
            cursor = self.checkpoint.alert_cursor()
            if cursor is None:  # the first run with alerts: events from now on
                cursor = self.checkpoint.last_report()
                self.checkpoint.save_alert_cursor(cursor)
            self._cursor = cursor
        self._say(
            f"watch: ready in {time.perf_counter() - started:.1f} s; watching"
            f" {counted(len(self.roots), 'path')}, {counted(len(self.feeds), 'feed')},"
            f" {counted(len(self.alerter.rules) if self.alerter else 0, 'alert rule')};"
            f" {counted(len(self._pending), 'file')} new or changed since the last run"
        )
        try:
            while not stop.is_set():
                self._take_notices()
                worked = self._ingest_ready_files()
                worked = self._poll_due_feeds() or worked
                if self.alerter and (
                    worked or time.monotonic() - self._alerts_checked >= ALERT_POLL_SECONDS
                ):
                    self._check_alerts()
                if worked:
                    continue
                if once and not self._pending and not self._fetches and not self._due_now():
                    break
                self._wait(0.05 if once else self._sleep_time())
        finally:
            if notices is not None:
                notices.stop()
            if self._pool is not None:
                self._pool.shutdown(wait=False, cancel_futures=True)
            if self.alerter:
                self._check_alerts()
                self.alerter.close()
                self.stats.alerts = self.alerter.fired
            self.checkpoint.close()
        return self.stats

    def _warm_up(self) -> None:
        """Load the pipeline now, so the first drop is not slowed by it."""
        if self.extractor is not None:
            return
        from eventwire.pipeline import extract_articles

        list(extract_articles([Article(text="Russian forces shelled Kharkiv on Monday.")]))

    def _take_notices(self) -> None:
        now = time.monotonic()
        while True:
            try:
                paths = self._notices.get_nowait()
            except queue.Empty:
                return
            self._notice(paths, now)

    def _wait(self, timeout: float) -> None:
        try:
            paths = self._notices.get(timeout=max(0.01, timeout))
        except queue.Empty:
            return
        self._notice(paths, time.monotonic())

    def _notice(self, paths: set[str], now: float) -> None:
        for path in paths:
            if path not in self._own:
                self._pending.setdefault(path, now)

    def _sleep_time(self) -> float:
        now = time.monotonic()
        times = [IDLE_WAKE_SECONDS]
        if self._pending:
            times.append(SETTLE_SECONDS / 2)
        if self._due:
            times.append(min(self._due.values()) - now)
        if self.alerter:
            times.append(self._alerts_checked + ALERT_POLL_SECONDS - now)
        return min(times)

    # --- files ---

    def _ingest_ready_files(self) -> bool:
        """Ingest up to CHUNK_FILES settled new files; whether there were any."""
        if not self._pending:
            return False
        ready: list[FileSeen] = []
        now = time.time()
        for path in sorted(self._pending):
            seen = stat_of(path)
            if seen is None or not is_new(seen, self._seen):
                del self._pending[path]  # gone, a folder, or read already as it is
                continue
            if settled(seen, now):
                ready.append(seen)
                if len(ready) == CHUNK_FILES:
                    break
        if not self._pending:
            self._burst = [0, 0]
        if not ready:
            return False
        self._burst[1] = max(self._burst[1], self._burst[0] + len(self._pending))
        for seen in ready:
            del self._pending[seen.path]
        self._ingest_files(ready)
        self._burst[0] += len(ready)
        if not self._pending:
            self._say(f"watch: {self._burst[0]} files read; {self._totals()}")
            self._burst = [0, 0]
        return True

    def _ingest_files(self, files: list[FileSeen]) -> None:
        inputs = []
        for k, seen in enumerate(files, start=1):
            self._chunk[seen.path] = self._burst[0] + k
            kind = kind_of(seen.path)
            if kind == "input":
                inputs.append(seen)
            elif kind == "sidecar":  # read with its article
                self._mark(seen, "read")
            else:
                reason = _not_read(seen.path)
                self._fail(seen.path, reason)
                self._mark(seen, "skipped", reason)
        if inputs:
            report = ingest(
                [s.path for s in inputs],
                self.store,
                extractor=self.extractor,
                on_article=self._told,
            )
            whole = self._tell_failures(report)
            for seen in inputs:
                failed = whole.get(seen.path)
                self._mark(seen, "failed" if failed else "read", failed)
        self.stats.files += len(files)
        self._chunk.clear()

    def _mark(self, seen: FileSeen, outcome: str, reason: str | None = None) -> None:
        self.checkpoint.mark_file(seen.path, seen.size, seen.mtime_ns, outcome, reason)
        self._seen[seen.path] = (seen.size, seen.mtime_ns)

    def _told(self, article: Article, outcome: ArticleOutcome) -> None:
        """One line per article: stored with its events, or found stored already."""
        name = article.name or article.url or article.article_id[:12]
        if outcome.duplicate:
            self.stats.duplicates += 1
            self._say(f"{self._progress(name)}= {name}: stored already")
            return
        self.stats.articles += 1
        self.stats.events_added += outcome.events_added
        self.stats.events_merged += outcome.events_merged
        events = outcome.events_added + outcome.events_merged
        what = (
            f"{counted(events, 'event')} ({outcome.events_added} new,"
            f" {outcome.events_merged} merged)"
            if events
            else "no event"
        )
        self._say(f"{self._progress(name)}+ {name}: {what}")

    def _tell_failures(self, report: IngestReport) -> dict[str, str]:
        """Print every failure of an ingest; the reasons of the files that failed whole."""
        whole = {}
        for failure in [*report.failed, *report.skipped]:
            self._fail(failure.name, failure.reason)
            whole[failure.name] = failure.reason
        return whole

    def _fail(self, name: str, reason: str) -> None:
        self.stats.failed += 1
        self.stats.failures.append((name, reason))
        self._say(f"{self._progress(name)}! {name}: {reason}")

    def _progress(self, name: str) -> str:
        """ "[12/1000] " for an article of the 12th file of a burst of 1,000; "" for a feed."""
        path = name
        for mark in (":", "#"):
            if path not in self._chunk and mark in path:
                path = path.rsplit(mark, 1)[0]
        number = self._chunk.get(path)
        return f"[{number}/{self._burst[1]}] " if number else ""

    def _totals(self) -> str:
        s = self.stats
        return (
            f"{counted(s.articles, 'article')} stored, {s.duplicates} stored already,"
            f" {s.failed} failed; {counted(s.events_added, 'event')} added,"
            f" {s.events_merged} merged so far"
        )

    # --- feeds ---

    def _due_now(self) -> bool:
        now = time.monotonic()
        return any(when <= now for when in self._due.values())

    def _poll_due_feeds(self) -> bool:
        """Start the polls that are due (on the feed threads: a slow server never holds up the
        folders), and ingest what the finished ones brought; whether any finished."""
        self._reread_feed_list()
        now = time.monotonic()
        for url, when in list(self._due.items()):
            if when > now or url in self._fetches:
                continue
            self._due[url] = now + self.every
            if self._pool is None:
                self._pool = ThreadPoolExecutor(FEED_THREADS, thread_name_prefix="eventwire-feed")
            state = self.checkpoint.feed(url)
            fetch = self._pool.submit(poll_feed, state)
            fetch.add_done_callback(lambda _: self._notices.put(set()))  # wakes the loop
            self._fetches[url] = (state, fetch)
        worked = False
        for url, (state, fetch) in list(self._fetches.items()):
            if fetch.done():
                del self._fetches[url]
                self._take_poll(url, state, fetch.result())
                worked = True
        return worked

    def _take_poll(self, url: str, state: FeedState, poll: Poll) -> None:
        from eventwire.read.feeds import articles_from_feed

        self.stats.polls += 1
        if poll.status.startswith("failed"):
            self._fail(url, poll.status)
            self.checkpoint.save_feed(state, poll.status)
            return
        if poll.body is not None:
            report = ingest(
                [],
                self.store,
                items=articles_from_feed(poll.body, name=url),
                extractor=self.extractor,
                on_article=self._told,
            )
            self._tell_failures(report)
            self._say(
                f"feed {url}: {report.read} entries, {report.read - report.duplicates} new;"
                f" {report.events_added} events added, {report.events_merged} merged"
            )
        # after the articles are stored: a watcher killed before this polls the whole feed again
        self.checkpoint.save_feed(poll.state, poll.status)

    def _reread_feed_list(self) -> None:
        """Take up the feeds file again when it changed (feeds added or removed)."""
        if not self.feeds_file or _mtime(self.feeds_file) == self._feeds_mtime:
            return
        self._feeds_mtime = _mtime(self.feeds_file)
        try:
            feeds = read_feed_list(self.feeds_file)
        except (OSError, ValueError) as err:
            self._say(f"! {self.feeds_file}: {err}; the feeds stay as they were")
            return
        now = time.monotonic()
        self._due = {url: self._due.get(url, now) for url in feeds}
        self.feeds = feeds
        self._say(f"watch: {self.feeds_file} read again: {counted(len(feeds), 'feed')}")

    # --- alerts ---

    def _check_alerts(self) -> None:
        """Fire the rules on every event that gained a report since the cursor."""
        assert self.alerter is not None
        self._alerts_checked = time.monotonic()
        while True:
            ids, last = self.checkpoint.changed_events(self._cursor)
            for event_id in ids:
                event = self.store.event(event_id)
                if event is not None:
                    self.alerter.consider(event)
            if last == self._cursor:
                return
            self._cursor = last
            self.checkpoint.save_alert_cursor(last)

    def _say(self, line: str) -> None:
        print(line, file=self.log, flush=True)


def _not_read(path: str) -> str:
    """Why a file of a watched folder is not read, as `eventwire ingest` says it."""
    from eventwire.read.articles import binary_problem
    from eventwire.read.inputs import INPUT_SUFFIXES, SNIFF_BYTES

    suffix = os.path.splitext(path)[1]
    try:
        with open(path, "rb") as stream:
            problem = binary_problem(stream.read(SNIFF_BYTES))
    except OSError as err:
        problem = err.strerror or str(err)
    kind = f"a {suffix} file" if suffix else "a file without a suffix"
    return f"skipped: {problem or kind}; eventwire reads {', '.join(INPUT_SUFFIXES)} files"


def store_files(location: str) -> set[str]:
    """A SQLite store's file and its journals (the checkpoint's writes change them)."""
    from eventwire.store import is_url

    if is_url(location):
        return set()
    path = os.path.abspath(location.removeprefix("sqlite:///"))
    return {path, path + "-wal", path + "-shm", path + "-journal"}


def _mtime(path: str | None) -> int | None:
    if not path:
        return None
    try:
        return os.stat(path).st_mtime_ns
    except OSError:
        return None
