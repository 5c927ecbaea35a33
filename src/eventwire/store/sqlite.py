"""The SQLite store (stdlib sqlite3): WAL mode, one transaction per article, bound parameters.

Its queries are store/sql.py's, shared with PostgreSQL; "near" is a bounding box (by index)
then the great-circle distance.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any

from eventwire.geo.distance import distance_km
from eventwire.model import Article
from eventwire.store.base import bounding_box
from eventwire.store.sql import ARTICLE_COLUMNS, SQLStore, article_of_row

SCHEMA_VERSION = 1
SCHEMA = """
CREATE TABLE IF NOT EXISTS articles (
    text_hash   TEXT PRIMARY KEY,      -- sha256 of the normalised text (model.text_id)
    article_id  TEXT NOT NULL,         -- the id given with the input, else text_hash
    url         TEXT,
    title       TEXT,
    source      TEXT,
    published   TEXT,
    language    TEXT,
    text        TEXT NOT NULL,
    seq         INTEGER NOT NULL       -- order of storing
);
CREATE INDEX IF NOT EXISTS articles_id ON articles (article_id);
CREATE INDEX IF NOT EXISTS articles_seq ON articles (seq);   -- next seq and stored order
CREATE TABLE IF NOT EXISTS events (
    event_id       TEXT PRIMARY KEY,   -- the first mention's id, kept when others join
    event_type     TEXT NOT NULL,
    sub_event_type TEXT NOT NULL,
    plover         TEXT,
    event_date     TEXT,
    country        TEXT,
    location       TEXT,
    latitude       REAL,
    longitude      REAL,
    geonameid      INTEGER,
    actor1         TEXT,
    actor2         TEXT,
    notes          TEXT NOT NULL,
    fatalities     INTEGER,            -- the headline figure (merge.headline_figure)
    injuries       INTEGER,
    report_count   INTEGER NOT NULL,   -- independent reports (distinct outlets)
    record         TEXT NOT NULL       -- the whole merged Event as JSON
);
CREATE INDEX IF NOT EXISTS events_kind_date ON events (event_type, sub_event_type, event_date);
CREATE INDEX IF NOT EXISTS events_date ON events (event_date);
CREATE INDEX IF NOT EXISTS events_order ON events (event_date IS NULL, event_date, event_id);
CREATE TABLE IF NOT EXISTS reports (
    mention_id  TEXT NOT NULL,         -- the id extraction gave the mention
    text_hash   TEXT NOT NULL REFERENCES articles (text_hash),
    event_id    TEXT NOT NULL REFERENCES events (event_id),
    article_id  TEXT NOT NULL,
    source      TEXT,
    event_date  TEXT,
    fatalities  INTEGER,               -- this source's own figures and attribution
    injuries    INTEGER,
    claimed_by  TEXT,
    verified    INTEGER,
    evidence    TEXT NOT NULL,         -- JSON list of {field, article_id, start, end, text, reason}
    mention     TEXT NOT NULL,         -- the whole mention as JSON, to re-merge from
    seq         INTEGER NOT NULL,
    PRIMARY KEY (mention_id, text_hash)
);
CREATE INDEX IF NOT EXISTS reports_event ON reports (event_id, seq);
CREATE INDEX IF NOT EXISTS reports_seq ON reports (seq);
"""


class SQLiteStore(SQLStore):
    """A store in one SQLite file; safe to kill at any point (WAL, a transaction per article).

    `synchronous=NORMAL` in WAL mode survives a killed process whole; a power cut may roll back
    the last commits, never corrupt the file. `durable=True` makes every commit reach the disk.
    """

    def __init__(self, path: str, *, durable: bool = False, timeout: float = 60.0) -> None:
        self.path = path
        self.db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        _set_wal(self.db, timeout)
        self.db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.create_function("ew_distance_km", 4, _distance_or_null, deterministic=True)
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise RuntimeError(f"{path}: store schema {version} is newer than this eventwire's")
        with self.transaction():
            for statement in SCHEMA.split(";"):
                if statement.strip():
                    self.db.execute(statement)
            self.db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self.db.in_transaction:  # nested: the outer one commits
            yield
            return
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def _day(self, day: date | None) -> object:
        return day.isoformat() if day else None  # dates are ISO text here

    def _next_seq(self, table: str) -> tuple[str, str]:
        return ", seq", f", (SELECT COALESCE(MAX(seq), 0) + 1 FROM {table})"

    def _within(self, lat: float, lon: float, km: float, *, exact: bool) -> tuple[str, list[Any]]:
        lat0, lat1, lon0, lon1 = bounding_box(lat, lon, km)
        sql = "latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?"
        params: list[Any] = [lat0, lat1, lon0, lon1]
        if exact:  # the box narrows by index; the great-circle distance decides
            sql += " AND ew_distance_km(?, ?, latitude, longitude) <= ?"
            params += [lat, lon, km]
        return f"({sql})", params

    def articles(self) -> Iterator[Article]:
        for row in self.db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY seq"):
            yield article_of_row(row)


def _set_wal(db: sqlite3.Connection, timeout: float) -> None:
    """WAL mode; two first opens of a new file race for it, and SQLite does not wait there."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            db.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as err:
            if "locked" not in str(err) or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


def _distance_or_null(
    lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None
) -> float | None:
    """`distance_km` for SQL: NULL where a point is missing."""
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    return distance_km(lat1, lon1, lat2, lon2)
