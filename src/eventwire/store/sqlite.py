"""The SQLite store (stdlib sqlite3): WAL mode, one transaction per article, bound parameters."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, timedelta

from eventwire.geo.distance import distance_km
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

    def _where(self, q: EventQuery) -> tuple[str, list[object]]:
        """The WHERE clause of `q`'s filters, and its parameters."""
        sql = "WHERE 1 = 1"
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
            lat, lon, km = q.near
            lat0, lat1, lon0, lon1 = bounding_box(lat, lon, km)
            # the box narrows by index; the great-circle distance decides
            sql += (
                " AND latitude BETWEEN ? AND ? AND longitude BETWEEN ? AND ?"
                " AND ew_distance_km(?, ?, latitude, longitude) <= ?"
            )
            params += [lat0, lat1, lon0, lon1, lat, lon, km]
        return sql, params

    def events(self, query: EventQuery | None = None) -> list[Event]:
        q = query or EventQuery()
        where, params = self._where(q)
        sql = f"SELECT record FROM events {where} ORDER BY event_date IS NULL, event_date, event_id"
        if q.limit is not None or q.offset:
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if q.limit is None else max(0, q.limit), max(0, q.offset)]
        return [event_from_json(row[0]) for row in self.db.execute(sql, params)]

    def count_events(self, query: EventQuery | None = None) -> int:
        where, params = self._where(query or EventQuery())
        return int(self.db.execute(f"SELECT COUNT(*) FROM events {where}", params).fetchone()[0])

    def event(self, event_id: str) -> Event | None:
        row = self.db.execute("SELECT record FROM events WHERE event_id = ?", (event_id,))
        found = row.fetchone()
        return event_from_json(found[0]) if found else None

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE article_id = ? ORDER BY seq LIMIT 1",
            (article_id,),
        ).fetchone()
        if row is None:
            row = self.db.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE text_hash = ?", (article_id,)
            ).fetchone()
        return _article(row) if row else None

    def mentions(self, event_id: str) -> list[Event]:
        rows = self.db.execute(
            "SELECT mention FROM reports WHERE event_id = ? ORDER BY seq", (event_id,)
        )
        return [event_from_json(row[0]) for row in rows]

    def report_count(self, event_id: str) -> int:
        row = self.db.execute("SELECT report_count FROM events WHERE event_id = ?", (event_id,))
        found = row.fetchone()
        return int(found[0]) if found else 0

    def articles(self) -> Iterator[Article]:
        for row in self.db.execute(f"SELECT {ARTICLE_COLUMNS} FROM articles ORDER BY seq"):
            yield _article(row)

    def counts(self) -> dict[str, int]:
        return {
            table: self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
            for table in ("articles", "events", "reports")
        }

    def close(self) -> None:
        self.db.close()


ARTICLE_COLUMNS = "article_id, text, published, source, url, title, language"


def _article(row: tuple[str, ...]) -> Article:
    """The Article of a row of ARTICLE_COLUMNS."""
    article_id, text, published, source, url, title, language = row
    return Article(
        text=text,
        article_id=article_id,
        published=date.fromisoformat(published) if published else None,
        source=source,
        url=url,
        title=title,
        language=language or "en",
    )


def _distance_or_null(
    lat1: float | None, lon1: float | None, lat2: float | None, lon2: float | None
) -> float | None:
    """`distance_km` for SQL: NULL where a point is missing."""
    if lat1 is None or lon1 is None or lat2 is None or lon2 is None:
        return None
    return distance_km(lat1, lon1, lat2, lon2)
