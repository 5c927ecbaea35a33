"""`SQLStore`: the SQL both backends share, written once over a DB-API connection.

Every statement here is written with `?` placeholders and binds its values; a backend whose
driver wants another style (psycopg's `%s`) rewrites them in `_execute`. What truly differs
stays in the backend: connection, schema, transactions and locking, dates as text or as dates,
JSON read back as text, and how "within KM of a point" is asked (a bounding box and the
great-circle distance in SQLite, PostGIS's ST_DWithin in PostgreSQL).
"""

from __future__ import annotations

import json
from abc import abstractmethod
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, timedelta
from typing import Any

from eventwire.merge import RADIUS_KM
from eventwire.model import Article, Event
from eventwire.store.base import (
    CANDIDATE_DAYS,
    CANDIDATE_KM,
    Candidate,
    EventChange,
    EventQuery,
    Store,
    event_from_json,
    event_to_json,
)

ARTICLE_COLUMNS = "article_id, text, published, source, url, title, language"
# the event row's columns taken from the merged Event; the first four never change on a merge
EVENT_FIELDS = (
    "event_id",
    "event_type",
    "sub_event_type",
    "plover",
    "event_date",
    "country",
    "location",
    "latitude",
    "longitude",
    "geonameid",
    "actor1",
    "actor2",
    "notes",
    "fatalities",
    "injuries",
)
REPORT_COLUMNS = (
    "mention_id, text_hash, event_id, article_id, source, event_date, fatalities, injuries,"
    " claimed_by, verified, evidence, mention"
)
BATCH = 10_000  # event ids bound in one query (SQLite allows 32,766 parameters)


class SQLStore(Store):
    """The queries and row writes of a SQL backend; a subclass sets the hooks below."""

    db: Any  # the DB-API connection: sqlite3.Connection or psycopg.Connection

    TEXT = ""  # appended to a JSON column read back: "::text" where it is jsonb
    JSONB = ""  # appended to a JSON value's placeholder: "::jsonb"
    PLOVER_IS = "plover IS ?"  # a NULL-safe equality on the plover column
    STORED_ORDER = "rowid"  # the events column that keeps the order of storing
    EVENTS_ORDER = "event_date IS NULL, event_date, event_id"  # Store.events' order
    NO_LIMIT: int | None = -1  # a LIMIT that limits nothing
    FIND = "instr"  # position of a substring, 0 where absent

    # --- hooks ---

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        """Run one statement (`?` placeholders) and give its cursor."""
        return self.db.execute(sql, params)

    def _day(self, day: date | None) -> object:
        """A date as the driver binds it to a date column."""
        return day

    def _next_seq(self, table: str) -> tuple[str, str]:
        """The `seq` column and value an insert into `table` adds (none: the database's)."""
        return "", ""

    def _point_column(self, event: Event) -> tuple[str, str, list[Any]]:
        """An extra column, its value SQL and parameters, derived from the event's point."""
        return "", "", []

    @abstractmethod
    def _within(self, lat: float, lon: float, km: float, *, exact: bool) -> tuple[str, list[Any]]:
        """A condition: the row's point is within `km` of (lat, lon) (`exact`: no more)."""

    # --- rows written ---

    def has_text_hash(self, text_hash: str) -> bool:
        row = self._execute("SELECT 1 FROM articles WHERE text_hash = ?", (text_hash,))
        return row.fetchone() is not None

    def _insert_article(self, text_hash: str, article: Article) -> None:
        seq_column, seq_value = self._next_seq("articles")
        self._execute(
            "INSERT INTO articles (text_hash, article_id, url, title, source, published,"
            f" language, text{seq_column}) VALUES (?, ?, ?, ?, ?, ?, ?, ?{seq_value})",
            (
                text_hash,
                article.article_id,
                article.url,
                article.title,
                article.source,
                self._day(article.published),
                article.language,
                article.text,
            ),
        )

    def _event_exists(self, event_id: str) -> bool:
        row = self._execute("SELECT 1 FROM events WHERE event_id = ?", (event_id,))
        return row.fetchone() is not None

    def _save_event(self, event: Event, report_count: int) -> None:
        point_column, point_value, point_params = self._point_column(event)
        columns = [*EVENT_FIELDS, "report_count", "record"]
        values = ["?"] * (len(columns) - 1) + ["?" + self.JSONB]
        params = [getattr(event, name) for name in EVENT_FIELDS]
        params += [report_count, event_to_json(event)]
        if point_column:
            columns.append(point_column)
            values.append(point_value)
            params += point_params
        updated = ", ".join(f"{c} = excluded.{c}" for c in columns[4:])
        self._execute(
            f"INSERT INTO events ({', '.join(columns)}) VALUES ({', '.join(values)})"
            f" ON CONFLICT (event_id) DO UPDATE SET {updated}",
            params,
        )

    def _insert_report(self, text_hash: str, event_id: str, mention: Event) -> None:
        seq_column, seq_value = self._next_seq("reports")
        self._execute(
            f"INSERT INTO reports ({REPORT_COLUMNS}{seq_column}) VALUES"
            f" (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?{self.JSONB}, ?{self.JSONB}{seq_value})",
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

    # --- merging ---

    def _candidates(self, mention: Event) -> list[Candidate]:
        sql = f"WHERE event_type = ? AND sub_event_type = ? AND {self.PLOVER_IS}"
        params: list[Any] = [mention.event_type, mention.sub_event_type, mention.plover]
        if mention.event_date is None:
            sql += " AND event_date IS NULL"
        else:
            day = date.fromisoformat(mention.event_date)
            sql += " AND event_date BETWEEN ? AND ?"
            params += [
                self._day(day - timedelta(days=CANDIDATE_DAYS)),
                self._day(day + timedelta(days=CANDIDATE_DAYS)),
            ]
        where = []
        if mention.latitude is not None and mention.longitude is not None:
            km = max(CANDIDATE_KM, RADIUS_KM)
            within, within_params = self._within(
                mention.latitude, mention.longitude, km, exact=False
            )
            where.append(within)
            params += within_params
        if mention.geonameid is not None:
            where.append("geonameid = ?")
            params.append(mention.geonameid)
        if mention.location is not None:
            where.append("location = ?")
            params.append(mention.location)
        if not where:
            where.append("location IS NULL")
        sql += " AND (" + " OR ".join(where) + ")"
        # the candidates and their mentions in one round trip, in stored order
        rows = self._execute(
            f"WITH c AS (SELECT event_id, {self.STORED_ORDER} AS stored FROM events {sql})"
            f" SELECT c.event_id, r.mention{self.TEXT} FROM c JOIN reports r USING (event_id)"
            " ORDER BY c.stored, r.seq",
            params,
        )
        members: dict[str, list[Event]] = {}
        for event_id, raw in rows:
            members.setdefault(event_id, []).append(event_from_json(raw))
        return [Candidate(event_id, tuple(found)) for event_id, found in members.items()]

    # --- queries ---

    def _where(self, q: EventQuery) -> tuple[str, list[Any]]:
        """The WHERE clause of `q`'s filters, and its parameters."""
        sql = "WHERE 1 = 1"
        params: list[Any] = []
        if q.since is not None:
            sql += " AND event_date >= ?"
            params.append(self._day(q.since))
        if q.until is not None:
            sql += " AND event_date <= ?"
            params.append(self._day(q.until))
        if q.event_type:
            sql += (
                " AND (lower(event_type) = lower(?) OR lower(sub_event_type) = lower(?)"
                " OR lower(plover) = lower(?))"
            )
            params += [q.event_type] * 3
        if q.country:
            sql += " AND lower(country) = lower(?)"
            params.append(q.country)
        for value, first, second in ((q.actor, "actor1", "actor2"), (q.text, "notes", "location")):
            if value:
                sql += (
                    f" AND ({self.FIND}(lower({first}), lower(?)) > 0"
                    f" OR {self.FIND}(lower({second}), lower(?)) > 0)"
                )
                params += [value, value]
        if q.near is not None:
            within, within_params = self._within(*q.near, exact=True)
            sql += " AND " + within
            params += within_params
        return sql, params

    def events(self, query: EventQuery | None = None) -> list[Event]:
        q = query or EventQuery()
        where, params = self._where(q)
        sql = f"SELECT record{self.TEXT} FROM events {where} ORDER BY {self.EVENTS_ORDER}"
        if q.limit is not None or q.offset:
            sql += " LIMIT ? OFFSET ?"
            params += [self.NO_LIMIT if q.limit is None else max(0, q.limit), max(0, q.offset)]
        return [event_from_json(row[0]) for row in self._execute(sql, params)]

    def count_events(self, query: EventQuery | None = None) -> int:
        where, params = self._where(query or EventQuery())
        return int(self._execute(f"SELECT count(*) FROM events {where}", params).fetchone()[0])

    def event(self, event_id: str) -> Event | None:
        row = self._execute(f"SELECT record{self.TEXT} FROM events WHERE event_id = ?", (event_id,))
        found = row.fetchone()
        return event_from_json(found[0]) if found else None

    def article(self, article_id: str) -> Article | None:
        row = self._execute(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE article_id = ? ORDER BY seq LIMIT 1",
            (article_id,),
        ).fetchone()
        if row is None:
            row = self._execute(
                f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE text_hash = ?", (article_id,)
            ).fetchone()
        return article_of_row(row) if row else None

    def mentions(self, event_id: str) -> list[Event]:
        rows = self._execute(
            f"SELECT mention{self.TEXT} FROM reports WHERE event_id = ? ORDER BY seq", (event_id,)
        )
        return [event_from_json(row[0]) for row in rows]

    def report_count(self, event_id: str) -> int:
        return self.report_counts([event_id])[event_id]

    def report_counts(self, event_ids: Sequence[str]) -> dict[str, int]:
        found = dict.fromkeys(event_ids, 0)
        ids = list(found)
        for start in range(0, len(ids), BATCH):
            chunk = ids[start : start + BATCH]
            rows = self._execute(
                "SELECT event_id, report_count FROM events"
                f" WHERE event_id IN ({', '.join(['?'] * len(chunk))})",
                chunk,
            )
            found.update((event_id, int(count)) for event_id, count in rows)
        return found

    def cursor(self) -> int:
        return int(self._execute("SELECT COALESCE(MAX(seq), 0) FROM reports").fetchone()[0])

    def changes(self, after: int, limit: int = 1000) -> list[EventChange]:
        # the events of the reports after `after` (by the reports' seq index), each with its
        # last report's seq, and whether its first report is after `after` too
        rows = self._execute(
            "SELECT c.event_id, c.last, (SELECT MIN(r.seq) FROM reports r"
            " WHERE r.event_id = c.event_id) FROM (SELECT event_id, MAX(seq) AS last"
            " FROM reports WHERE seq > ? GROUP BY event_id ORDER BY last LIMIT ?) c"
            " ORDER BY c.last",
            (after, max(1, limit)),
        )
        return [
            EventChange(event_id, int(last), int(first) > after) for event_id, last, first in rows
        ]

    def counts(self) -> dict[str, int]:
        return {
            table: int(self._execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in ("articles", "events", "reports")
        }

    def close(self) -> None:
        self.db.close()


def article_of_row(row: Sequence[Any]) -> Article:
    """The Article of a row of ARTICLE_COLUMNS (`published` a date, or its ISO text)."""
    found = dict(zip(ARTICLE_COLUMNS.split(", "), row, strict=True))
    if isinstance(found["published"], str):
        found["published"] = date.fromisoformat(found["published"]) if found["published"] else None
    found["language"] = found["language"] or "en"
    return Article(**found)
