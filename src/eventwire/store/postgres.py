"""The PostgreSQL 15 + PostGIS store (psycopg 3) for a team server: `--db postgresql://…`.

Events carry a `geography(Point, 4326)` with a GiST index: candidate events for a merge and
`EventQuery.near` are ST_DWithin on it (on the sphere, as eventwire's own `distance_km`).
Queries are parameterised; the one SQL text built at run time joins fixed fragments.

One article is one transaction, and a writer takes a transaction-scoped advisory lock first,
so writers to one database take turns an article at a time, as SQLite's write lock makes them
(extraction, the slow part, runs outside it). Two ingests of the same inputs into one database
therefore store each article once, merged once: the second to reach an article finds it stored
and counts it a duplicate; the articles' `text_hash` primary key backs this up. Readers never
wait. A client killed mid-article leaves nothing of it: the server rolls its transaction back.

The role needs CREATE on the database; `CREATE EXTENSION postgis` needs a superuser (or the
extension created beforehand by one), done once on the first open.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from eventwire.merge import RADIUS_KM
from eventwire.model import Article, Event
from eventwire.store.base import (
    CANDIDATE_DAYS,
    CANDIDATE_KM,
    Candidate,
    EventQuery,
    Store,
    event_from_json,
    event_to_json,
)

try:
    import psycopg
except ImportError as err:  # pragma: no cover - the [postgres] extra is not installed
    raise ImportError(
        "a postgresql:// store needs psycopg: pip install 'eventwire[postgres]'"
    ) from err

SCHEMA_VERSION = 1
# "eventwir" in ASCII: the advisory lock every eventwire writer to a database takes
WRITE_LOCK = 0x6576656E74776972
SCHEMA = """
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE IF NOT EXISTS eventwire_meta (
    key   text PRIMARY KEY,
    value text NOT NULL
);
CREATE TABLE IF NOT EXISTS articles (
    text_hash   text PRIMARY KEY,        -- sha256 of the normalised text (model.text_id)
    article_id  text NOT NULL,           -- the id given with the input, else text_hash
    url         text,
    title       text,
    source      text,
    published   date,
    language    text,
    text        text NOT NULL,
    seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE  -- order of storing
);
CREATE INDEX IF NOT EXISTS articles_id ON articles (article_id, seq);
CREATE TABLE IF NOT EXISTS events (
    event_id       text PRIMARY KEY,     -- the first mention's id, kept when others join
    event_type     text NOT NULL,
    sub_event_type text NOT NULL,
    plover         text,
    event_date     date,
    country        text,
    location       text,
    latitude       double precision,
    longitude      double precision,
    geog           geography(Point, 4326),  -- from latitude/longitude, for ST_DWithin
    geonameid      bigint,
    actor1         text,
    actor2         text,
    notes          text NOT NULL,
    fatalities     integer,              -- the headline figure (merge.headline_figure)
    injuries       integer,
    report_count   integer NOT NULL,     -- independent reports (distinct outlets)
    record         jsonb NOT NULL,       -- the whole merged Event
    seq            bigint GENERATED ALWAYS AS IDENTITY UNIQUE
);
CREATE INDEX IF NOT EXISTS events_kind_date ON events (event_type, sub_event_type, event_date);
CREATE INDEX IF NOT EXISTS events_order ON events (event_date, event_id);
CREATE INDEX IF NOT EXISTS events_geog ON events USING gist (geog);
CREATE TABLE IF NOT EXISTS reports (
    mention_id  text NOT NULL,           -- the id extraction gave the mention
    text_hash   text NOT NULL REFERENCES articles (text_hash),
    event_id    text NOT NULL REFERENCES events (event_id),
    article_id  text NOT NULL,
    source      text,
    event_date  date,
    fatalities  integer,                 -- this source's own figures and attribution
    injuries    integer,
    claimed_by  text,
    verified    boolean,
    evidence    jsonb NOT NULL,          -- [{field, article_id, start, end, text, reason}]
    mention     jsonb NOT NULL,          -- the whole mention, to re-merge from
    seq         bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
    PRIMARY KEY (mention_id, text_hash)
);
CREATE INDEX IF NOT EXISTS reports_event ON reports (event_id, seq)
"""

ARTICLE_COLUMNS = "article_id, text, published, source, url, title, language"
POINT = "ST_SetSRID(ST_MakePoint(%s::float8, %s::float8), 4326)::geography"  # lon, lat


class PostgresStore(Store):
    """A store in a PostgreSQL database with PostGIS; the schema is created on first open.

    One connection (autocommit between transactions, so an idle store holds no snapshot):
    use one PostgresStore per thread, as with SQLiteStore.
    """

    def __init__(self, url: str, *, connect_timeout: int = 10) -> None:
        self.url = url
        self.db = psycopg.connect(url, autocommit=True, connect_timeout=connect_timeout)
        self._depth = 0
        try:
            self._create_schema()
        except BaseException:
            self.db.close()
            raise

    def _create_schema(self) -> None:
        """The tables on first open (under the write lock: two first opens take turns)."""
        with self.transaction():
            version = self._meta("schema_version")
            if version is not None and int(version) > SCHEMA_VERSION:
                raise RuntimeError(f"store schema {version} is newer than this eventwire's")
            if version is None:
                for statement in SCHEMA.split(";"):
                    self.db.execute(statement)
                self.db.execute(
                    "INSERT INTO eventwire_meta (key, value) VALUES ('schema_version', %s)",
                    (str(SCHEMA_VERSION),),
                )

    def _meta(self, key: str) -> str | None:
        exists = self.db.execute("SELECT to_regclass('eventwire_meta')").fetchone()
        if exists is None or exists[0] is None:
            return None
        row = self.db.execute("SELECT value FROM eventwire_meta WHERE key = %s", (key,))
        found = row.fetchone()
        return str(found[0]) if found else None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        if self._depth:  # nested: the outer one commits
            yield
            return
        self._depth += 1
        try:
            with self.db.transaction():
                self.db.execute("SELECT pg_advisory_xact_lock(%s)", (WRITE_LOCK,))
                yield
        finally:
            self._depth -= 1

    def has_text_hash(self, text_hash: str) -> bool:
        row = self.db.execute("SELECT 1 FROM articles WHERE text_hash = %s", (text_hash,))
        return row.fetchone() is not None

    def _insert_article(self, text_hash: str, article: Article) -> None:
        self.db.execute(
            "INSERT INTO articles (text_hash, article_id, url, title, source, published,"
            " language, text) VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (
                text_hash,
                article.article_id,
                article.url,
                article.title,
                article.source,
                article.published,
                article.language,
                article.text,
            ),
        )

    def _candidates(self, mention: Event) -> list[Candidate]:
        sql = (
            "WHERE event_type = %s AND sub_event_type = %s AND plover IS NOT DISTINCT FROM %s::text"
        )
        params: list[Any] = [mention.event_type, mention.sub_event_type, mention.plover]
        if mention.event_date is None:
            sql += " AND event_date IS NULL"
        else:
            day = date.fromisoformat(mention.event_date)
            sql += " AND event_date BETWEEN %s AND %s"
            params += [day - timedelta(days=CANDIDATE_DAYS), day + timedelta(days=CANDIDATE_DAYS)]
        where = []
        if mention.latitude is not None and mention.longitude is not None:
            where.append(f"ST_DWithin(geog, {POINT}, %s, false)")
            params += [mention.longitude, mention.latitude, max(CANDIDATE_KM, RADIUS_KM) * 1000]
        if mention.geonameid is not None:
            where.append("geonameid = %s")
            params.append(mention.geonameid)
        if mention.location is not None:
            where.append("location = %s")
            params.append(mention.location)
        if not where:
            where.append("location IS NULL")
        sql += " AND (" + " OR ".join(where) + ")"
        # the candidates and their mentions in one round trip, in stored order
        rows = self.db.execute(
            f"WITH c AS (SELECT event_id, seq FROM events {sql})"
            " SELECT c.event_id, r.mention::text FROM c JOIN reports r USING (event_id)"
            " ORDER BY c.seq, r.seq",
            params,
        )
        members: dict[str, list[Event]] = {}
        for event_id, raw in rows:
            members.setdefault(event_id, []).append(event_from_json(raw))
        return [Candidate(event_id, tuple(found)) for event_id, found in members.items()]

    def _event_exists(self, event_id: str) -> bool:
        row = self.db.execute("SELECT 1 FROM events WHERE event_id = %s", (event_id,))
        return row.fetchone() is not None

    def _save_event(self, event: Event, report_count: int) -> None:
        self.db.execute(
            "INSERT INTO events (event_id, event_type, sub_event_type, plover, event_date,"
            " country, location, latitude, longitude, geog, geonameid, actor1, actor2, notes,"
            " fatalities, injuries, report_count, record)"
            f" VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, {POINT}, %s, %s, %s, %s, %s, %s,"
            " %s, %s::jsonb)"
            " ON CONFLICT (event_id) DO UPDATE SET event_date = excluded.event_date,"
            " country = excluded.country, location = excluded.location,"
            " latitude = excluded.latitude, longitude = excluded.longitude,"
            " geog = excluded.geog, geonameid = excluded.geonameid, actor1 = excluded.actor1,"
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
                event.longitude,
                event.latitude,
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
            " event_date, fatalities, injuries, claimed_by, verified, evidence, mention)"
            " VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s::jsonb, %s::jsonb)",
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
                mention.verified,
                json.dumps([asdict(e) for e in mention.evidence], ensure_ascii=False),
                event_to_json(mention),
            ),
        )

    def _where(self, q: EventQuery) -> tuple[str, list[Any]]:
        """The WHERE clause of `q`'s filters, and its parameters."""
        sql = "WHERE true"
        params: list[Any] = []
        if q.since is not None:
            sql += " AND event_date >= %s"
            params.append(q.since)
        if q.until is not None:
            sql += " AND event_date <= %s"
            params.append(q.until)
        if q.event_type:
            sql += (
                " AND (lower(event_type) = lower(%s) OR lower(sub_event_type) = lower(%s)"
                " OR lower(plover) = lower(%s))"
            )
            params += [q.event_type] * 3
        if q.country:
            sql += " AND lower(country) = lower(%s)"
            params.append(q.country)
        if q.actor:
            sql += " AND (strpos(lower(actor1), lower(%s)) > 0 OR strpos(lower(actor2), lower(%s)) > 0)"
            params += [q.actor, q.actor]
        if q.text:
            sql += " AND (strpos(lower(notes), lower(%s)) > 0 OR strpos(lower(location), lower(%s)) > 0)"
            params += [q.text, q.text]
        if q.near is not None:
            lat, lon, km = q.near
            sql += f" AND ST_DWithin(geog, {POINT}, %s, false)"  # on the sphere, as distance_km
            params += [lon, lat, km * 1000]
        return sql, params

    def events(self, query: EventQuery | None = None) -> list[Event]:
        q = query or EventQuery()
        where, params = self._where(q)
        sql = f"SELECT record::text FROM events {where} ORDER BY event_date NULLS LAST, event_id"
        if q.limit is not None:
            sql += " LIMIT %s"
            params.append(max(0, q.limit))
        if q.offset:
            sql += " OFFSET %s"
            params.append(max(0, q.offset))
        rows = self.db.execute(sql, params)
        return [event_from_json(row[0]) for row in rows]

    def count_events(self, query: EventQuery | None = None) -> int:
        where, params = self._where(query or EventQuery())
        row = self.db.execute(f"SELECT count(*) FROM events {where}", params).fetchone()
        return int(row[0]) if row else 0

    def event(self, event_id: str) -> Event | None:
        row = self.db.execute("SELECT record::text FROM events WHERE event_id = %s", (event_id,))
        found = row.fetchone()
        return event_from_json(found[0]) if found else None

    def article(self, article_id: str) -> Article | None:
        row = self.db.execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE article_id = %s ORDER BY seq LIMIT 1",
            (article_id,),
        ).fetchone()
        if row is None:
            row = self.db.execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE text_hash = %s", (article_id,)
            ).fetchone()
        return _article(row) if row else None

    def mentions(self, event_id: str) -> list[Event]:
        rows = self.db.execute(
            "SELECT mention::text FROM reports WHERE event_id = %s ORDER BY seq", (event_id,)
        )
        return [event_from_json(row[0]) for row in rows]

    def report_count(self, event_id: str) -> int:
        row = self.db.execute("SELECT report_count FROM events WHERE event_id = %s", (event_id,))
        found = row.fetchone()
        return int(found[0]) if found else 0

    def articles(self) -> Iterator[Article]:
        # pages by seq, so the connection is free for other queries between rows
        last = 0
        while True:
            rows = self.db.execute(
                f"SELECT seq, {ARTICLE_COLUMNS} FROM articles WHERE seq > %s ORDER BY seq"
                " LIMIT 500",
                (last,),
            ).fetchall()
            if not rows:
                return
            for row in rows:
                yield _article(row[1:])
            last = rows[-1][0]

    def counts(self) -> dict[str, int]:
        found = {}
        for table in ("articles", "events", "reports"):
            row = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()
            found[table] = int(row[0]) if row else 0
        return found

    def close(self) -> None:
        self.db.close()


def _article(row: tuple[Any, ...]) -> Article:
    """The Article of a row of ARTICLE_COLUMNS."""
    article_id, text, published, source, url, title, language = row
    return Article(
        text=text,
        article_id=article_id,
        published=published,
        source=source,
        url=url,
        title=title,
        language=language or "en",
    )
