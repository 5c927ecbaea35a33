"""The PostgreSQL 15 + PostGIS store (psycopg 3) for a team server: `--db postgresql://…`.

Events carry a `geography(Point, 4326)` with a GiST index: candidate events for a merge and
`EventQuery.near` are ST_DWithin on it (on the sphere, as eventwire's own `distance_km`).
Queries are parameterised and shared with SQLite (store/sql.py, `?` rewritten to `%s`);
the SQL built at run time only joins fixed fragments.

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

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from eventwire.model import Article, Event
from eventwire.store.sql import ARTICLE_COLUMNS, SQLStore, article_of_row

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

POINT = "ST_SetSRID(ST_MakePoint(?::float8, ?::float8), 4326)::geography"  # lon, lat


class PostgresStore(SQLStore):
    """A store in a PostgreSQL database with PostGIS; the schema is created on first open.

    One connection (autocommit between transactions, so an idle store holds no snapshot):
    use one PostgresStore per thread, as with SQLiteStore.
    """

    TEXT = "::text"
    JSONB = "::jsonb"
    PLOVER_IS = "plover IS NOT DISTINCT FROM ?::text"
    STORED_ORDER = "seq"
    EVENTS_ORDER = "event_date NULLS LAST, event_id"
    NO_LIMIT = None  # LIMIT NULL
    FIND = "strpos"

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

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return self.db.execute(sql.replace("?", "%s"), params)

    def _point_column(self, event: Event) -> tuple[str, str, list[Any]]:
        return "geog", POINT, [event.longitude, event.latitude]

    def _within(self, lat: float, lon: float, km: float, *, exact: bool) -> tuple[str, list[Any]]:
        # on the sphere, as distance_km; exact either way
        return f"ST_DWithin(geog, {POINT}, ?, false)", [lon, lat, km * 1000]

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
                yield article_of_row(row[1:])
            last = rows[-1][0]
