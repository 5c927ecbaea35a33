"""Mentions of one event from many articles become one event with every source's figures.

Pure functions, no I/O: the store asks `best_match` which stored event a new mention joins and
rebuilds the event with `merged_event` from all its mentions, in the order they were stored.

Two mentions are one event when all of these hold:
- the same ACLED event type, sub-event type and PLOVER class (a shelling and an air strike on
  one town on one day are two events, as ACLED codes them);
- the same place: the same GeoNames id, or points within RADIUS_KM where one of them has no
  id (two different ids are two places unless their points are within SAME_POINT_KM: Bucha and
  Irpin are 5 km apart and are still two towns); a region-level place (geo_precision 3) only
  matches another region-level one;
- the same day, where both days are stated ("on Monday", "on 3 June"); a day taken from the
  publication date or a dateline, or an "overnight" one, may be one day off; week precision
  allows 3 days (ACLED codes a week to its middle), month precision the same month;
- compatible actors: no two different countries for the state forces of actor1 (in a battle,
  the sides may be named in either order);
- not two mentions of the same article: the extractor already decided those are two events.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date

from eventwire.extraction.notes import write_note
from eventwire.geo.distance import points_km
from eventwire.model import Event, Evidence

RADIUS_KM = 10.0  # a place without a gazetteer id joins a point this close
SAME_POINT_KM = 2.0  # two gazetteer entries this close are one place (duplicates, districts)
WEEK_DAYS = 3  # week precision is coded to the week's middle
# "Military Forces of Russia (2000-) Air Force" → Russia; only state forces name a country
STATE_ACTOR = re.compile(r"^(?:Military Forces|Police Forces|Government) of (.+?)(?: \(|$)")
WEAK_DATE_WORDS = ("night", "overnight")


@dataclass(frozen=True)
class Report:
    """One source's account of an event: its figures and who it attributes them to."""

    event_id: str  # the merged event it belongs to
    mention_id: str  # the id extraction gave the mention
    article_id: str
    source: str | None
    event_date: str | None
    fatalities: int | None
    injuries: int | None
    claimed_by: str | None
    verified: bool | None
    evidence: tuple[Evidence, ...]


def report_of(event_id: str, mention: Event) -> Report:
    """The report one mention makes about the merged event `event_id`."""
    return Report(
        event_id=event_id,
        mention_id=mention.event_id,
        article_id=mention.article_id,
        source=mention.sources[0] if mention.sources else None,
        event_date=mention.event_date,
        fatalities=mention.fatalities,
        injuries=mention.injuries,
        claimed_by=mention.claimed_by,
        verified=mention.verified,
        evidence=tuple(mention.evidence),
    )


def actor_country(actor: str | None) -> str | None:
    """The country of a state actor's ACLED name, else None (unidentified or named groups)."""
    if not actor:
        return None
    found = STATE_ACTOR.match(actor)
    return found.group(1) if found else None


def actors_compatible(a: Event, b: Event) -> bool:
    """No conflicting actor1 countries (an unknown country conflicts with nothing).

    In a battle either side may be named first ("Russian and Ukrainian troops clashed",
    "Ukrainian forces clashed with Russian troops"): there each actor1 need only fit the
    other report's actor2.
    """
    ca, cb = actor_country(a.actor1), actor_country(b.actor1)
    if ca is None or cb is None or ca == cb:
        return True
    if a.event_type == b.event_type == "Battles":
        return actor_country(b.actor2) in (None, ca) and actor_country(a.actor2) in (None, cb)
    return False


def places_match(a: Event, b: Event) -> bool:
    """The same place (see the module docstring)."""
    if a.country and b.country and a.country != b.country:
        return False
    if (a.geo_precision == 3) != (b.geo_precision == 3):
        return False
    if a.geonameid is not None and a.geonameid == b.geonameid:
        return True
    km = points_km(a, b)
    if km is None:
        return a.location is not None and a.location == b.location
    if a.geonameid is not None and b.geonameid is not None:
        return km <= SAME_POINT_KM
    return km <= RADIUS_KM


def date_is_stated(event: Event) -> bool:
    """The day was read from the event's own words, not from a publication date or dateline."""
    for e in event.evidence:
        if e.field == "event_date":
            stated = not e.borrowed_day
            return stated and not any(w in e.text.lower() for w in WEAK_DATE_WORDS)
    return False


def dates_match(a: Event, b: Event) -> bool:
    """The same day as far as the two dates' precision allows (see the module docstring)."""
    if a.event_date is None or b.event_date is None:
        return a.event_date == b.event_date
    da, db = date.fromisoformat(a.event_date), date.fromisoformat(b.event_date)
    gap = abs((da - db).days)
    precision = max(a.time_precision or 1, b.time_precision or 1)
    if precision >= 3:
        return (da.year, da.month) == (db.year, db.month)
    if precision == 2:
        return gap <= WEEK_DAYS
    return gap == 0 or (gap == 1 and not (date_is_stated(a) and date_is_stated(b)))


def same_kind(a: Event, b: Event) -> bool:
    """The same event type, sub-event type and PLOVER class."""
    return (a.event_type, a.sub_event_type, a.plover) == (b.event_type, b.sub_event_type, b.plover)


def same_event(a: Event, b: Event) -> bool:
    """Two mentions of one event (kind, place, day and actors agree)."""
    return (
        same_kind(a, b)
        and places_match(a, b)
        and dates_match(a, b)
        and actors_compatible(a, b)
        and a.article_id != b.article_id
    )


def joins(mention: Event, members: Sequence[Event]) -> bool:
    """The mention is one more report of the event these members make up."""
    if any(m.article_id == mention.article_id for m in members):
        return False
    if not all(actors_compatible(mention, m) for m in members):
        return False
    return any(same_event(mention, m) for m in members)


def best_match(mention: Event, candidates: Sequence[Sequence[Event]]) -> int | None:
    """The index of the event (given as its members) the mention joins, or None for a new one.

    Of several, the closest in time, then in space, then the earliest stored.
    """
    best: tuple[int, float, int] | None = None
    for i, members in enumerate(candidates):
        if not joins(mention, members):
            continue
        key = (_gap_days(mention, members[0]), _gap_km(mention, members[0]), i)
        if best is None or key < best:
            best = key
    return best[2] if best is not None else None


def _gap_days(a: Event, b: Event) -> int:
    if a.event_date is None or b.event_date is None:
        return 0
    return abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)


def _gap_km(a: Event, b: Event) -> float:
    return points_km(a, b) or 0.0


def headline_figure(values: Iterable[tuple[int | None, bool | None]]) -> int | None:
    """ACLED's conservative rule: the lowest credible figure among the reports.

    A figure is credible unless its report says it could not be verified; only where every
    figure is unverified does the lowest unverified one stand. A report without a figure
    (None) says nothing and is not a zero.
    """
    given = [(v, verified) for v, verified in values if v is not None]
    credible = [v for v, verified in given if verified is not False]
    pool = credible or [v for v, _ in given]
    return min(pool) if pool else None


def independent_reports(members: Sequence[Event]) -> int:
    """How many outlets report the event (articles without a named outlet count one each)."""
    keys = {m.sources[0] if m.sources else "article:" + m.article_id for m in members}
    return len(keys)


def merged_event(members: Sequence[Event], event_id: str | None = None) -> Event:
    """One event from its mentions: the first mention's id and fields, all sources and evidence.

    Place and date come from the most precise mention (ties: the earliest); an unidentified
    actor gives way to a named one; the toll is the headline figure of `headline_figure`, and
    `claimed_by` names whoever gave the headline fatality figure.
    """
    if not members:
        raise ValueError("an event needs at least one mention")
    first = members[0]
    if len(members) == 1 and event_id in (None, first.event_id):
        return first
    placed = min(members, key=lambda m: m.geo_precision or 9)
    dated = min(members, key=lambda m: (m.event_date is None, m.time_precision or 9))
    actor1 = first.actor1
    if actor_country(actor1) is None:
        actor1 = next((m.actor1 for m in members if actor_country(m.actor1)), actor1)
    actor2 = first.actor2 or next((m.actor2 for m in members if m.actor2), None)
    fatalities = headline_figure((m.fatalities, m.verified) for m in members)
    injuries = headline_figure((m.injuries, m.verified) for m in members)
    teller = next(
        (m for m in members if m.fatalities == fatalities and fatalities is not None), None
    )
    claimed_by = teller.claimed_by if teller else first.claimed_by
    # the least reading goes with the figure it qualifies: the report the headline comes from
    fatalities_min = teller.fatalities_min if teller else None
    injured = next((m for m in members if m.injuries == injuries and injuries is not None), None)
    injuries_min = injured.injuries_min if injured else None
    verified: bool | None = None
    if any(m.verified for m in members):
        verified = True
    elif all(m.verified is False for m in members):
        verified = False
    sources: list[str] = []
    for m in members:
        sources.extend(s for s in m.sources if s not in sources)
    event = replace(
        first,
        event_id=event_id or first.event_id,
        event_date=dated.event_date,
        time_precision=dated.time_precision,
        actor1=actor1,
        actor2=actor2,
        civilian_targeting=any(m.civilian_targeting for m in members),
        country=placed.country,
        admin1=placed.admin1,
        location=placed.location,
        latitude=placed.latitude,
        longitude=placed.longitude,
        geo_precision=placed.geo_precision,
        geonameid=placed.geonameid,
        fatalities=fatalities,
        injuries=injuries,
        fatalities_min=fatalities_min,
        injuries_min=injuries_min,
        claimed_by=claimed_by,
        verified=verified,
        sources=sources,
        evidence=[e for m in members for e in m.evidence],
        confidence=max(m.confidence for m in members),
    )
    event.notes = write_note(event)
    return event


def merge_events(mentions: Iterable[Event]) -> list[list[Event]]:
    """Mentions grouped into events, in order (what a store does one article at a time)."""
    groups: list[list[Event]] = []
    for mention in mentions:
        i = best_match(mention, groups)
        if i is None:
            groups.append([mention])
        else:
            groups[i].append(mention)
    return groups
