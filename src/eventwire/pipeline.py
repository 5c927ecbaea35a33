"""The extraction pipeline: articles in, event records out (parse → places → mentions → events)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from eventwire.extraction.actors import (
    ActorPhrase,
    acled_country,
    acled_name,
    unidentified_military,
)
from eventwire.extraction.dates import DateMention, dateline_date
from eventwire.extraction.mentions import Mention, find_mentions
from eventwire.extraction.notes import write_note
from eventwire.extraction.tolls import victims_are_combatants
from eventwire.extraction.types import BATTLES, EXPLOSIONS, VAC
from eventwire.geo import Geoparser, load_geoparser
from eventwire.model import Article, Event, Evidence, Place
from eventwire.nlp import load_nlp

BATCH_SIZE = 32
VIOLENT = (EXPLOSIONS, BATTLES, VAC)
_CROWDS = frozenset({"civilians", "protesters", "rioters"})


def extract_articles(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """Each article with the events read from it, parsed in batches with `nlp.pipe`."""
    nlp = load_nlp()
    geoparser = load_geoparser()
    stream = ((a.text, a) for a in articles)
    for doc, article in nlp.pipe(stream, as_tuples=True, batch_size=BATCH_SIZE):
        yield article, events_from_doc(doc, article, geoparser)


def extract(
    text: str,
    published: date | str | None = None,
    source: str | None = None,
    article_id: str = "",
) -> list[Event]:
    """The events one article reports (`eventwire.extract`)."""
    from eventwire.read import validate_text

    validate_text(text)
    if isinstance(published, str):
        published = date.fromisoformat(published)
    article = Article(text=text, article_id=article_id, published=published, source=source)
    return next(extract_articles([article]))[1]


def events_from_doc(doc: Doc, article: Article, geoparser: Geoparser) -> list[Event]:
    """The event records of one parsed article."""
    places = geoparser.places(doc)
    focus = geoparser.focus_country(places)
    places = sorted(places + geoparser.references(doc, places), key=lambda p: p.start)
    fallback = geoparser.country_place(focus) if focus else None
    dateline = dateline_date(doc.text, article.published)
    events: list[Event] = []
    by_key: dict[tuple[object, ...], Event] = {}
    for mention in find_mentions(doc, places, article.published):
        if mention.place is not None and mention.place.kind in ("admin1", "region"):
            # ACLED codes an event known only to its region at the region's seat
            mention.place = geoparser.seat_place(mention.place) or mention.place
        event = _event(mention, article, fallback, dateline)
        key = _repeat_key(event)
        if key in by_key:
            _absorb(by_key[key], event)
            continue
        by_key[key] = event
        events.append(event)
    return events


def _absorb(first: Event, again: Event) -> None:
    """The same talks or convoy named again later in the article: one event, more evidence."""
    dated = any(e.field == "event_date" for e in first.evidence)
    for e in again.evidence:
        if e.field == "event_type" or (e.field == "event_date" and not dated):
            first.evidence.append(replace(e, reason="reported again: " + e.reason))
    if not dated and any(e.field == "event_date" for e in again.evidence):
        first.event_date, first.time_precision = again.event_date, again.time_precision
    if first.claimed_by is None and again.claimed_by is not None:
        first.claimed_by = again.claimed_by
        first.evidence.extend(e for e in again.evidence if e.field == "claimed_by")


def _repeat_key(event: Event) -> tuple[object, ...]:
    """Events with equal keys in one article are one event told twice.

    Violent events keep their sentence in the key: two strikes on one city on one day are
    often two strikes. The date is left out: a headline's talks have none of their own.
    """
    key: tuple[object, ...] = (
        event.event_type,
        event.sub_event_type,
        event.plover,
        event.location,
    )
    if event.event_type in VIOLENT:
        key += (event.event_id,)
    return key


def _event_id(article_id: str, mention: Mention) -> str:
    key = "|".join(
        [
            article_id,
            str(mention.sentence.start_char),
            str(mention.place.start if mention.place else -1),
            mention.kind.sub_event_type,
        ]
    )
    return "ew-" + hashlib.sha1(key.encode()).hexdigest()[:16]


def _event(
    mention: Mention, article: Article, fallback: Place | None, dateline: DateMention | None
) -> Event:
    aid = article.article_id
    evidence: list[Evidence] = []

    def cite(field: str, start: int, end: int, reason: str) -> None:
        evidence.append(
            Evidence(field, aid, start, end, mention.sentence.doc.text[start:end], reason)
        )

    kind = mention.kind
    cue = kind.cue
    doc = mention.sentence.doc
    cue_start = doc[cue.start].idx
    cue_end = doc[cue.end - 1].idx + len(doc[cue.end - 1].text)
    cite("event_type", cue_start, cue_end, kind.reason)

    # date
    d = mention.date
    if d is not None:
        event_date, precision = d.date.isoformat(), d.precision
        cite("event_date", d.start, d.end, d.reason)
    elif dateline is not None:
        event_date, precision = dateline.date.isoformat(), dateline.precision
        cite("event_date", dateline.start, dateline.end, "dateline: " + dateline.reason)
    elif article.published is not None:
        event_date, precision = article.published.isoformat(), 1
    else:
        event_date, precision = None, None

    # place
    place = mention.place
    place_reason = mention.place_reason
    if place is None:
        place, place_reason = fallback, "no place named: the article's country"
    if place is not None and place.start >= 0:
        cite("location", place.start, place.end, f"{place_reason}; {place.reason}")
    country = acled_country(place.country) if place else None
    year = int(event_date[:4]) if event_date else None

    # actors
    air = kind.sub_event_type == "Air/drone strike"
    who = mention.who
    agent = who.agent
    if kind.event_type in ("Protests", "Riots") and (agent is None or agent.kind in _CROWDS):
        # ACLED names a crowd by what it did: the protesters of a protest, the rioters of a riot
        crowd = "protesters" if kind.event_type == "Protests" else "rioters"
        agent = replace(agent, kind=crowd) if agent else ActorPhrase(crowd, None, -1, -1, "")
    actor1 = acled_name(agent, country, year, air) if agent else None
    if actor1 is None and kind.event_type == EXPLOSIONS:
        actor1 = unidentified_military()
    if agent is not None and agent.start >= 0:
        cite("actor1", agent.start, agent.end, who.agent_reason or "actor phrase")
    actor2 = acled_name(who.target, country, year, False) if who.target else None
    if who.target is not None:
        cite("actor2", who.target.start, who.target.end, "target of the event")
    civilian_targeting = bool(
        who.target is not None
        and who.target.kind == "civilians"
        # ACLED: a mob's violence against civilians targets them too ("villagers lynched a thief")
        and (kind.event_type in VIOLENT or kind.sub_event_type == "Mob violence")
    )
    if (
        who.target is None
        and mention.tolls
        and kind.event_type in (EXPLOSIONS, VAC)
        and not victims_are_combatants(mention.tolls)
    ):
        # "… shelled the town. A civilian was killed.": ACLED names the civilians as actor2
        actor2 = f"Civilians ({country})" if country else "Civilians"
        civilian_targeting = True

    # toll
    # one figure per victim group: "two soldiers and a militant were killed" is 3
    totals: dict[str, int] = {}
    for t in mention.tolls:
        totals[t.field] = totals.get(t.field, 0) + t.value
        cite(t.field, t.start, t.end, t.reason)
    fatalities, injuries = totals.get("fatalities"), totals.get("injuries")

    # attribution
    claimed_by = mention.claim.text if mention.claim else None
    if mention.claim is not None:
        cite("claimed_by", mention.claim.start, mention.claim.end, mention.claim.reason)
    verified: bool | None = None
    if mention.unverified is not None:
        verified = False
        start, end, _ = mention.unverified
        cite("verified", start, end, "the text says the claim could not be verified")

    confidence = 0.5
    confidence += 0.15 if place is not None and place is not fallback else 0.0
    confidence += 0.1 if d is not None else 0.0
    confidence += 0.1 if who.agent is not None else 0.0
    confidence += 0.1 if kind.cue.category not in ("strike", "casualty", "vac_attack") else 0.0
    location = place.name if place else None
    admin1 = place.admin1 if place else None
    return Event(
        event_id=_event_id(aid, mention),
        article_id=aid,
        event_date=event_date,
        time_precision=precision,
        event_type=kind.event_type,
        sub_event_type=kind.sub_event_type,
        plover=kind.plover,
        actor1=actor1,
        actor2=actor2,
        civilian_targeting=civilian_targeting,
        country=country,
        admin1=admin1,
        location=location,
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        geo_precision=place.geo_precision if place else None,
        geonameid=place.geonameid if place else None,
        fatalities=fatalities,
        injuries=injuries,
        claimed_by=claimed_by,
        verified=verified,
        sources=[article.source] if article.source else [],
        notes=write_note(
            event_date,
            kind.sub_event_type,
            kind.plover,
            actor1,
            actor2,
            location,
            admin1,
            fatalities,
            injuries,
            claimed_by,
            verified,
        ),
        evidence=evidence,
        confidence=round(min(confidence, 0.99), 2),
    )
