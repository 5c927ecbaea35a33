"""What a watcher has seen, kept in the store's own database: files, feeds, alerts fired.

Four tables of the watcher's own, created beside the store's (the store's tables are not
touched): `watch_files` (each file read: its size and mtime when read, and why it failed if it
did), `watch_feeds` (each feed's ETag, Last-Modified and body hash), `watch_alerts` (each rule's
fired events with the toll they fired at) and `watch_state` (the alert cursor). A file is
marked only after its articles are stored, so a watcher killed at any point re-reads at most
the files it was reading, and the store skips what it stored already (by text hash): nothing is
lost, nothing stored twice. On PostgreSQL several watchers share the tables; an alert is
claimed by one upsert, so two watchers never fire it twice.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventwire.store import is_url

SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_files (
    path      TEXT PRIMARY KEY,   -- absolute path
    size      BIGINT NOT NULL,    -- as stat gave it when the file was read
    mtime_ns  BIGINT NOT NULL,
    outcome   TEXT NOT NULL,      -- 'read', 'failed' or 'skipped'
    reason    TEXT,               -- why it failed or was skipped
    seen_at   DOUBLE PRECISION NOT NULL
);
CREATE TABLE IF NOT EXISTS watch_feeds (
    url            TEXT PRIMARY KEY,
    etag           TEXT,
    last_modified  TEXT,
    body_hash      TEXT,          -- sha256 of the last body read, to skip an unchanged 200
    checked_at     DOUBLE PRECISION NOT NULL,
    status         TEXT NOT NULL  -- the last poll's outcome, as printed
);
CREATE TABLE IF NOT EXISTS watch_alerts (
    rule        TEXT NOT NULL,    -- the rule's conditions, canonical (alerts.Rule.key)
    event_id    TEXT NOT NULL,
    fatalities  BIGINT NOT NULL,  -- the highest toll it fired at (-1: no figure)
    injuries    BIGINT NOT NULL,
    fired_at    DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (rule, event_id)
);
CREATE TABLE IF NOT EXISTS watch_state (
    key    TEXT PRIMARY KEY,
    value  TEXT NOT NULL
)
"""
ALERT_CURSOR = "alerts.reports_seq"  # the last report row (reports.seq) the alerts have read


@dataclass(frozen=True)
class Claim:
    """A firing claimed: whether the rule never fired for the event, else the toll it last
    fired at (None: no figure)."""

    new: bool
    fatalities: int | None = None
    injuries: int | None = None


@dataclass(frozen=True)
class FeedState:
    """What the last poll of a feed learned: its validators and the hash of its body."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    body_hash: str | None = None


class Checkpoint:
    """The watcher's tables in the store at `location` (a SQLite file or a postgresql:// URL).

    Its own connection, autocommit: each mark is durable when the call returns.
    """

    def __init__(self, location: str) -> None:
        self.postgres = is_url(location)
        self.db: Any
        if self.postgres:
            import psycopg

            self.db = psycopg.connect(location, autocommit=True, connect_timeout=10)
            self.greatest = "GREATEST"
        else:
            self.db = sqlite3.connect(
                location.removeprefix("sqlite:///"), timeout=60, isolation_level=None
            )
            self.greatest = "max"
        self._create_tables()

    def _create_tables(self) -> None:
        """The tables, if missing; two watchers starting at once take turns (PostgreSQL's
        CREATE TABLE IF NOT EXISTS is not safe against a concurrent one)."""
        statements = [s for s in SCHEMA.split(";") if s.strip()]
        if not self.postgres:
            for statement in statements:
                self._execute(statement)
            return
        from eventwire.store.postgres import WRITE_LOCK

        with self.db.transaction():
            self._execute("SELECT pg_advisory_xact_lock(?)", (WRITE_LOCK,))
            for statement in statements:
                self._execute(statement)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        if self.postgres:
            sql = sql.replace("?", "%s")
        return self.db.execute(sql, params)

    # --- files ---

    def seen_files(self) -> dict[str, tuple[int, int]]:
        """Every file read, failed or skipped so far: path -> (size, mtime_ns) when it was."""
        rows = self._execute("SELECT path, size, mtime_ns FROM watch_files")
        return {path: (int(size), int(mtime)) for path, size, mtime in rows}

    def mark_file(
        self, path: str, size: int, mtime_ns: int, outcome: str, reason: str | None = None
    ) -> None:
        """Record that `path`, as it was at (size, mtime_ns), was read (or failed, or skipped)."""
        self._execute(
            "INSERT INTO watch_files (path, size, mtime_ns, outcome, reason, seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (path) DO UPDATE SET size = excluded.size,"
            " mtime_ns = excluded.mtime_ns, outcome = excluded.outcome,"
            " reason = excluded.reason, seen_at = excluded.seen_at",
            (path, size, mtime_ns, outcome, reason, time.time()),
        )

    def file_failures(self) -> list[tuple[str, str, str]]:
        """(path, outcome, reason) of every file that failed or was skipped, by path."""
        rows = self._execute(
            "SELECT path, outcome, reason FROM watch_files WHERE outcome <> 'read' ORDER BY path"
        )
        return [(p, o, r or "") for p, o, r in rows]

    # --- feeds ---

    def feed(self, url: str) -> FeedState:
        """The last poll's state of the feed at `url` (empty if never polled)."""
        row = self._execute(
            "SELECT etag, last_modified, body_hash FROM watch_feeds WHERE url = ?", (url,)
        ).fetchone()
        return FeedState(url, *row) if row else FeedState(url)

    def save_feed(self, state: FeedState, status: str) -> None:
        """Record a poll of a feed: its new validators and body hash, and how it went."""
        self._execute(
            "INSERT INTO watch_feeds (url, etag, last_modified, body_hash, checked_at, status)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO UPDATE SET etag = excluded.etag,"
            " last_modified = excluded.last_modified, body_hash = excluded.body_hash,"
            " checked_at = excluded.checked_at, status = excluded.status",
            (state.url, state.etag, state.last_modified, state.body_hash, time.time(), status),
        )

    # --- alerts ---

    def claim_alert(
        self, rule: str, event_id: str, fatalities: int | None, injuries: int | None
    ) -> Claim | None:
        """Claim the firing of `rule` for an event at this toll, or None if it fired at this
        toll or a higher one already.

        One statement: of two watchers claiming the same firing, one gets it.
        """
        killed = -1 if fatalities is None else fatalities
        hurt = -1 if injuries is None else injuries
        before = self._execute(
            "SELECT fatalities, injuries FROM watch_alerts WHERE rule = ? AND event_id = ?",
            (rule, event_id),
        ).fetchone()
        g = self.greatest
        row = self._execute(
            "INSERT INTO watch_alerts (rule, event_id, fatalities, injuries, fired_at)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (rule, event_id) DO UPDATE SET"
            f" fatalities = {g}(watch_alerts.fatalities, excluded.fatalities),"
            f" injuries = {g}(watch_alerts.injuries, excluded.injuries),"
            " fired_at = excluded.fired_at"
            " WHERE excluded.fatalities > watch_alerts.fatalities"
            " OR excluded.injuries > watch_alerts.injuries"
            " RETURNING 1",
            (rule, event_id, killed, hurt, time.time()),
        ).fetchone()
        if row is None:
            return None
        if not before:
            return Claim(new=True)
        return Claim(False, *(None if int(v) < 0 else int(v) for v in before))

    def alert_cursor(self) -> int | None:
        """The last report row the alerts have read, None before the first run with alerts."""
        row = self._execute(
            "SELECT value FROM watch_state WHERE key = ?", (ALERT_CURSOR,)
        ).fetchone()
        return int(row[0]) if row else None

    def save_alert_cursor(self, seq: int) -> None:
        """Advance the alert cursor to `seq` (never back: another watcher may be ahead)."""
        current = self.alert_cursor()
        if current is not None and current >= seq:
            return
        self._execute(
            "INSERT INTO watch_state (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (ALERT_CURSOR, str(seq)),
        )

    def last_report(self) -> int:
        """The store's last report row (reports.seq), 0 when it has none."""
        row = self._execute("SELECT max(seq) FROM reports").fetchone()
        return int(row[0]) if row and row[0] is not None else 0

    def changed_events(self, after: int, limit: int = 5000) -> tuple[list[str], int]:
        """The events that gained a report after report row `after` (new or merged into), in
        order, and the last report row read (`after` if none)."""
        rows = self._execute(
            "SELECT seq, event_id FROM reports WHERE seq > ? ORDER BY seq LIMIT ?", (after, limit)
        ).fetchall()
        ids = list(dict.fromkeys(event_id for _, event_id in rows))
        return ids, int(rows[-1][0]) if rows else after

    def close(self) -> None:
        self.db.close()
