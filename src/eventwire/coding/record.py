"""Coding: one mention becomes an event record in ACLED's terms.

Type (the rules' and the coder's, combined before), actors in ACLED's style, civilian
targeting, date and place with their fallbacks, toll, attribution, confidence, the note, and
the evidence span of every field.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import Any

from eventwire.coding.combine import CodedType
from eventwire.extraction.actors import (
    ActorPhrase,
    acled_country,
    acled_name,
    one_at_work,
    unidentified_military,
)
from eventwire.extraction.dates import DateMention
from eventwire.extraction.facts import opens_a_summary
from eventwire.extraction.mentions import Mention
from eventwire.extraction.notes import write_note
from eventwire.extraction.tolls import victims_are_combatants
from eventwire.extraction.types import BATTLES, CROWDS, EXPLOSIONS, TAKEN, VAC, VIOLENT
from eventwire.model import Article, Event, Evidence, Place
from eventwire.nlp import doc_text

# Sub-types whose actor1 is the crowd, whoever the sentence names first (ACLED codes the
# police firing on a crowd, Excessive force, with the police first)
CROWD_FIRST = frozenset({"Peaceful protest", "Protest with intervention", "Violent demonstration"})
# Explosions set off by hand (planted, worn or thrown), not fired by an army's guns or aircraft
BY_HAND = frozenset({"Remote explosive/landmine/IED", "Suicide bomb", "Grenade"})


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


def code_event(
    mention: Mention,
    coded: CodedType,
    article: Article,
    fallback: Place | None,
    story_day: DateMention | None,
) -> Event:
    """The event record of one mention, every field with the span it was read from."""
    aid = article.article_id
    evidence: list[Evidence] = []

    def cite(field: str, start: int, end: int, reason: str) -> None:
        evidence.append(
            Evidence(field, aid, start, end, doc_text(mention.sentence.doc)[start:end], reason)
        )

    kind = coded.kind
    cue = kind.cue
    doc = mention.sentence.doc
    cue_start = doc[cue.start].idx
    cue_end = doc[cue.end - 1].idx + len(doc[cue.end - 1].text)
    cite("event_type", cue_start, cue_end, mention.kind.reason)
    if coded.decision is not None:
        offset = mention.sentence.start_char
        for start, end, _ in coded.decision.words:
            cite("event_type", offset + start, offset + end, coded.decision.reason)

    # date
    d = mention.date
    if d is not None:
        event_date, precision = d.date.isoformat(), d.precision
        cite("event_date", d.start, d.end, d.reason)
    elif story_day is not None and not opens_a_summary(mention.sentence):
        # (its reason opens with one of model.BORROWED_DAY; a summary box's item is dated by
        # the report, the item the story then tells with its day being the same event)
        event_date, precision = story_day.date.isoformat(), story_day.precision
        cite("event_date", story_day.start, story_day.end, story_day.reason)
    elif article.published is not None:
        event_date, precision = article.published.isoformat(), 1
    else:
        event_date, precision = None, None

    # place
    place = mention.place
    place_reason = mention.place_reason
    if place is None:
        place, place_reason = fallback, "no place named: the article's country"
        if fallback is not None and fallback.kind != "country":
            place_reason = "no place named with the event: the story's place"
    if place is not None and place.start >= 0:
        cite("location", place.start, place.end, f"{place_reason}; {place.reason}")
    where = _place_fields(place)
    country = where["country"]
    year = int(event_date[:4]) if event_date else None

    # actors
    air = kind.sub_event_type == "Air/drone strike"
    who = mention.who
    if (
        kind.sub_event_type in CROWD_FIRST
        and who.target is not None
        and who.target.kind in CROWDS
        and who.agent is not None
        and who.agent.kind not in CROWDS
    ):
        # "police clashed with protesters", "police dispersed the crowd": ACLED names the
        # crowd first in its own event and the police as the side that met it
        who = replace(who, agent=who.target, target=who.agent, agent_reason="the crowd")
    agent = who.agent
    if kind.event_type in ("Protests", "Riots") and (agent is None or agent.kind in CROWDS):
        # ACLED names a crowd by what it did: the protesters of a protest, the rioters of a riot
        crowd = "protesters" if kind.event_type == "Protests" else "rioters"
        agent = replace(agent, kind=crowd) if agent else ActorPhrase(crowd, None, -1, -1, "")
    actor1 = acled_name(agent, country, year, air) if agent else None
    if actor1 is None and kind.sub_event_type == TAKEN[0]:
        # "Rebel fighters were pushed back from their positions": the state's forces regained it
        actor1 = acled_name(ActorPhrase("military", None, -1, -1, ""), country, year, False)
    if actor1 is None and (
        kind.sub_event_type in BY_HAND or (kind.event_type in (BATTLES, VAC) and who.target)
    ):
        # a bomb planted, worn or thrown by no one named, people attacked or fought by no one
        # named ("Two soldiers were killed in an ambush"): an armed group's, as ACLED codes them
        actor1 = acled_name(ActorPhrase("armed_group", None, -1, -1, ""), country, year, False)
    if actor1 is None and kind.event_type == EXPLOSIONS:
        actor1 = unidentified_military()
    if agent is not None and agent.start >= 0:
        cite("actor1", agent.start, agent.end, who.agent_reason or "actor phrase")
    target = who.target
    if kind.event_type == "Protests" and target is not None and target.kind in CROWDS:
        # force used on a crowd ("soldiers opened fire on the women marching"): its protesters
        target = replace(target, kind="protesters")
    elif target is not None and one_at_work(target, mention.sentence.doc):
        # "gunmen shot dead a trader in his shop": one person attacked, no crowd
        target = replace(target, kind="civilians")
    elif target is not None and target.kind == "rioters" and kind.event_type in (VAC, EXPLOSIONS):
        # "gunmen killed four villagers", "a shell hit a group of youths": people a crowd's word
        # names, struck by violence against civilians or from afar, are civilians
        target = replace(target, kind="civilians")
    actor2 = acled_name(target, country, year, False) if target else None
    if who.target is not None:
        cite("actor2", who.target.start, who.target.end, "target of the event")
    civilian_targeting = bool(
        target is not None
        and target.kind == "civilians"
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
    least: dict[str, int] = {}
    for t in mention.tolls:
        totals[t.field] = totals.get(t.field, 0) + t.value
        least[t.field] = least.get(t.field, 0) + t.least
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
    event = Event(
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
        **where,
        fatalities=fatalities,
        injuries=injuries,
        claimed_by=claimed_by,
        verified=verified,
        sources=[article.source] if article.source else [],
        article=article.reference(),
        evidence=evidence,
        confidence=round(min(confidence, 0.99), 2),
        fatalities_min=least.get("fatalities"),
        injuries_min=least.get("injuries"),
    )
    event.notes = write_note(event)
    return event


def place_at(event: Event, place: Place, text: str, why: str) -> None:
    """Place an event that named no place of its own at `place` (a part of it: geo_precision
    2), citing the words that name it in the article's `text`, and write its note again."""
    for name, value in _place_fields(place).items():
        setattr(event, name, value)
    event.geo_precision = max(place.geo_precision, 2)
    event.evidence.append(
        Evidence(
            "location",
            event.article_id,
            place.start,
            place.end,
            text[place.start : place.end],
            f"{why}; {place.reason}",
        )
    )
    event.notes = write_note(event)


def _place_fields(place: Place | None) -> dict[str, Any]:
    """An event's place fields, read from the place it is coded at (all None without one)."""
    return {
        "country": acled_country(place.country) if place else None,
        "admin1": place.admin1 if place else None,
        "location": place.name if place else None,
        "latitude": place.latitude if place else None,
        "longitude": place.longitude if place else None,
        "geo_precision": place.geo_precision if place else None,
        "geonameid": place.geonameid if place else None,
    }
