"""The SQLite store (stdlib sqlite3): WAL mode, one transaction per article, bound parameters."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, timedelta

from eventwire.merge import RADIUS_KM
from eventwire.model import Article, Event
from eventwire.store.base import (
    CANDIDATE_DAYS,
    CANDIDATE_KM,
    Candidate,
    EventQuery,
    Store,
    bounding_box,
    event_from_json,
    event_to_json,
    near_filter,
)

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
"""


class SQLiteStore(Store):
    """A store in one SQLite file; safe to kill at any point (WAL, a transaction per article).

    `synchronous=NORMAL` in WAL mode survives a killed process whole; a power cut may roll back
    the last commits, never corrupt the file. `durable=True` makes every commit reach the disk.
    """

    def __init__(self, path: str, *, durable: bool = False, timeout: float = 60.0) -> None:
        self.path = path
        self.db = sqlite3.connect(path, timeout=timeout, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute(f"PRAGMA synchronous={'FULL' if durable else 'NORMAL'}")
        self.db.execute("PRAGMA foreign_keys=ON")
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

    def has_text_hash(self, text_hash: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE text_hash = ?", (text_hash,))
        return row.fetchone() is not None

    def _insert_article(self, text_hash: str, article: Article) -> None:
        self.db.execute(
            "INSERT INTO articles (text_hash, article_id, url, title, source, published,"
            " language, text, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
            " (SELECT COALESCE(MAX(seq), 0) + 1 FROM articles))",
            (
                text_hash,
                article.article_id,
                article.url,
                article.title,
                article.source,
                article.published.isoformat() if article.published else None,
                article.language,
                article.text,
            ),
        )

    def _candidates(self, mention: Event) -> list[Candidate]:
        sql = (
            "SELECT event_id FROM events WHERE event_type = ? AND sub_event_type = ?"
            " AND plover IS ?"
        )
        params: list[object] = [mention.event_type, mention.sub_event_type, mention.plover]
        if mention.event_date is None:
            sql += " AND event_date IS NULL"
        else:
            day = date.fromisoformat(mention.event_date)
            sql += " AND event_date BETWEEN ? AND ?"
            params += [
                (day - timedelta(days=CANDIDATE_DAYS)).isoformat(),
                (day + timedelta(days=CANDIDATE_DAYS)).isoformat(),
            ]
        where = []
        if mention.latitude is not None and mention.longitude is not None:
            lat0, lat1, lon0, lon1 = bounding_box(
                mention.latitude, mention.longitude, max(CANDIDATE_KM, RADIUS_KM)
            )
            where.append("(latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?)")
            params += [lat0, lat1, lon0, lon1]
        if mention.geonameid is not None:
            where.append("geonameid = ?")
            params.append(mention.geonameid)
        if mention.location is not None:
            where.append("location = ?")
            params.append(mention.location)
        if not where:
            where.append("location IS NULL")
        sql += " AND (" + " OR ".join(where) + ") ORDER BY rowid"
        ids = [row[0] for row in self.db.execute(sql, params)]
        return [Candidate(event_id, tuple(self.mentions(event_id))) for event_id in ids]

    def _event_exists(self, event_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM events WHERE event_id = ?", (event_id,))
        return row.fetchone() is not None

    def _save_event(self, event: Event, report_count: int) -> None:
        self.db.execute(
            "INSERT INTO events (event_id, event_type, sub_event_type, plover, event_date,"
            " country, location, latitude, longitude, geonameid, actor1, actor2, notes,"
            " fatalities, injuries, report_count, record)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (event_id) DO UPDATE SET event_date = excluded.event_date,"
            " country = excluded.country, location = excluded.location,"
            " latitude = excluded.latitude, longitude = excluded.longitude,"
            " geonameid = excluded.geonameid, actor1 = excluded.actor1,"
            " actor2 = excluded.actor2, notes = excluded.notes,"
            " fatalities = excluded.fatalities, injuries = excluded.injuries,"
            " report_count = excluded.report_count, record = excluded.record",
            (
                event.event_id,
                event.event_type,
                event.sub_event_type,
                event.plover,
                event.event_date,
                event.country,
                event.location,
                event.latitude,
                event.longitude,
                event.geonameid,
                event.actor1,
                event.actor2,
                event.notes,
                event.fatalities,
                event.injuries,
                report_count,
                event_to_json(event),
            ),
        )

    def _insert_report(self, text_hash: str, event_id: str, mention: Event) -> None:
        self.db.execute(
            "INSERT INTO reports (mention_id, text_hash, event_id, article_id, source,"
            " event_date, fatalities, injuries, claimed_by, verified, evidence, mention, seq)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            " (SELECT COALESCE(MAX(seq), 0) + 1 FROM reports))",
            (
                mention.event_id,
                text_hash,
                event_id,
                mention.article_id,
                mention.sources[0] if mention.sources else None,
                mention.event_date,
                mention.fatalities,
                mention.injuries,
                mention.claimed_by,
                None if mention.verified is None else int(mention.verified),
                json.dumps([asdict(e) for e in mention.evidence], ensure_ascii=False),
                event_to_json(mention),
            ),
        )

    def events(self, query: EventQuery | None = None) -> list[Event]:
        q = query or EventQuery()
        sql = "SELECT record FROM events WHERE 1 = 1"
        params: list[object] = []
        if q.since is not None:
            sql += " AND event_date >= ?"
            params.append(q.since.isoformat())
        if q.until is not None:
            sql += " AND event_date <= ?"
            params.append(q.until.isoformat())
        if q.event_type:
            sql += (
                " AND (lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?)"
                " OR lower(plover) = lower(?))"
            )
            params += [q.event_type] * 3
        if q.country:
            sql += " AND lower(country) = lower(?)"
            params.append(q.country)
        if q.actor:
            sql += " AND (instr(lower(actor1), lower(?)) OR instr(lower(actor2), lower(?)))"
            params += [q.actor, q.actor]
        if q.text:
            sql += " AND (instr(lower(notes), lower(?)) OR instr(lower(location), lower(?)))"
            params += [q.text, q.text]
        if q.near is not None:
            lat0, lat1, lon0, lon1 = bounding_box(*q.near)
            sql += " AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?"
            params += [lat0, lat1, lon0, lon1]
        sql += " ORDER BY event_date IS NULL, event_date, event_id"
        if q.limit is not None and q.near is None:
            sql += " LIMIT ?"
            params.append(q.limit)
        found = [event_from_json(row[0]) for row in self.db.execute(sql, params)]
        if q.near is not None:
            found = near_filter(found, q.near)[: q.limit]
        return found

    def mentions(self, event_id: str) -> list[Event]:
        rows = self.db.execute(
            "SELECT mention FROM reports WHERE event_id = ? ORDER BY seq", (event_id,)
        )
        return [event_from_json(row[0]) for row in rows]

    def report_count(self, event_id: str) -> int:
        """How many independent reports (outlets) an event has."""
        row = self.db.execute("SELECT report_count FROM events WHERE event_id = ?", (event_id,))
        found = row.fetchone()
        return int(found[0]) if found else 0

    def articles(self) -> Iterator[Article]:
        rows = self.db.execute(
            "SELECT article_id, text, published, source, url, title, language"
            " FROM articles ORDER BY seq"
        )
        for article_id, text, published, source, url, title, language in rows:
            yield Article(
                text=text,
                article_id=article_id,
                published=date.fromisoformat(published) if published else None,
                source=source,
                url=url,
                title=title,
                language=language or "en",
            )

    def counts(self) -> dict[str, int]:
        return {
            table: self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "events", "reports")
        }

    def close(self) -> None:
        self.db.close()
