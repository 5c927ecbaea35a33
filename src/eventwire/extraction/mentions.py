"""Event mentions: which sentences and clauses of an article report a real event.

A mention is one event as one article reports it. Statements, forecasts, denials,
negated or background events and aggregates are not mentions; a follow-up sentence
("The attack killed 35 people") adds to the mention before it instead of making a new one.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from eventwire.data import load_vocabulary
from eventwire.extraction.actors import (
    ActorPhrase,
    Participants,
    governing_verb,
    participants,
    subject_s_verb,
)
from eventwire.extraction.attribution import SAY_LEMMAS, Claim
from eventwire.extraction.cues import MET_CROWDS, Cue
from eventwire.extraction.dates import CALENDAR_WORDS, DateMention
from eventwire.extraction.facts import (
    QUALIFIERS,
    SentenceFacts,
    StoryFacts,
    is_heading,
    opens_a_summary,
)
from eventwire.extraction.factuality import (
    DOCUMENT_WORDS,
    TELLING_VERBS,
    date_is_factual,
    dates_the_object,
    names_a_day,
)
from eventwire.extraction.sites import SITE_KINDS, died_of_wounds, listed_sites
from eventwire.extraction.tolls import (
    TollFigure,
    is_person,
    names_it_again,
    refers_back,
    running_total,
    toll_figures,
    victims_are_combatants,
)
from eventwire.extraction.types import (
    BATTLES,
    CROWDS,
    EXPLOSIONS,
    FIGHT_CATEGORIES,
    PROTESTS,
    RIOTS,
    TAKEN,
    TRANSFER,
    VAC,
    VIOLENT,
    VIOLENT_CATEGORIES,
    EventType,
    casualty_only,
    classify,
)
from eventwire.geo.distance import points_km
from eventwire.model import BORROWED_PLACE, Place
from eventwire.nlp import doc_text, span_text

# Event types a toll belongs to: the violent ones, and mob violence ("villagers lynched a thief")
TOLL_TYPES = (EXPLOSIONS, BATTLES, VAC, RIOTS)
SHOT_AT = "Excessive force against protesters"  # a protest with a toll of its own

# What can happen to a protest after it starts: police intervene, it turns violent
# A report of an event dated this long before the story is background ("on Oct. 7 last year")
BACKGROUND_DAYS = 45
LISTED = "one of the places the sentence lists"
# how far from an event the place a later sentence names must lie to start a new scene
SCENE_KM = 25.0
CROWD_FOLLOW_UPS = frozenset(
    {"intervention", "riot", "arrest", "mob", "vac_attack", "looting", "clash", "protest", "strike"}
)
# How many sentences on a toll that points back ("killed at the scene") is still the last
# violent event's, past the two sentences any follow-up is sought in
BACK_REACH = 5


@dataclass
class MentionDraft:
    """A mention while linking: sentences after it may still add to it."""

    sentence: Span
    paragraph: int
    kind: EventType
    who: Participants
    place: Place | None
    place_reason: str
    date: DateMention | None
    tolls: list[TollFigure] = field(default_factory=list)
    claim: Claim | None = None
    unverified: tuple[int, int, str] | None = None
    cues: list[Cue] = field(default_factory=list)
    index: int = 0  # of its last sentence in the article
    # a violent clause with a day but no site and no toll ("On Monday, police fought gangs
    # downtown"): a record only if a follow-up gives its toll ("Officers killed five.")
    pending: bool = False
    dated: bool = False  # its day is told in its own sentence (not the one before's)

    def frozen(self) -> Mention:
        return Mention(
            sentence=self.sentence,
            paragraph=self.paragraph,
            kind=self.kind,
            who=self.who,
            place=self.place,
            place_reason=self.place_reason,
            date=self.date,
            tolls=tuple(self.tolls),
            claim=self.claim,
            unverified=self.unverified,
            cues=tuple(self.cues),
            index=self.index,
            pending=self.pending,
            dated=self.dated,
        )


@dataclass(frozen=True)
class Mention:
    """One event as one article reports it, with the spans each field was read from."""

    sentence: Span
    paragraph: int
    kind: EventType
    who: Participants
    place: Place | None
    place_reason: str
    date: DateMention | None
    tolls: tuple[TollFigure, ...]
    claim: Claim | None
    unverified: tuple[int, int, str] | None
    cues: tuple[Cue, ...]
    index: int  # of its last sentence in the story
    pending: bool  # a violent clause still waiting for its toll (dropped by the story passes)
    dated: bool  # its day is told in its own sentence


def _own_clause(verb: Token) -> bool:
    """An adverbial clause with a subject or a conjunction of its own ("when the Russians
    struck …") can report another event; a bare participle ("…, hitting a school") cannot,
    nor can one that tells what the subject was doing meanwhile ("repelled an attack while
    conducting a patrol in Sar Kani district": the scene of the main clause's event)."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return True
    return any(c.dep_ == "mark" and c.lower_ not in _MEANWHILE for c in verb.children)


_MEANWHILE = frozenset({"while", "whilst", "as"})


def _own_day(verb: Token) -> bool:
    """A conjoined clause with a subject and a day of its own ("On Saturday about 1,500 people
    gathered in Ginowan, and on Sunday some 3,000 marched through Naha") tells another event:
    ACLED codes one a day. (Joined by "and", "but" or a semicolon: "Bartella, another town …
    recaptured … in October" is a noun's modifier the parse may read as a clause.)"""
    doc = verb.doc
    joined = verb.left_edge.i > 0 and doc[verb.left_edge.i - 1].lower_ in ("and", "but", ";")
    return (
        joined
        and any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
        and any(
            c.dep_ in ("prep", "npadvmod")
            and any(t.ent_type_ == "DATE" and t.lower_ in CALENDAR_WORDS for t in c.subtree)
            for c in verb.children
        )
    )


def _clause_head(token: Token) -> int:
    """The head of the clause a token belongs to (main or adverbial/complement clause)."""
    t = token
    for _ in range(12):
        if t.pos_ in ("VERB", "AUX") and (
            t.dep_ in ("ROOT", "parataxis", "ccomp")
            or (t.dep_ == "advcl" and _own_clause(t))
            or (t.dep_ == "conj" and _own_day(t))
        ):
            break
        if t.head.i == t.i:
            break
        t = t.head
    return t.i


def _clauses(
    cues: list[Cue], doc: Doc, headline_end: int = -1, parts: frozenset[int] = frozenset()
) -> list[list[Cue]]:
    """Group the cues of a sentence by clause: subordinate clauses may report other events.
    A headline the parser ran into the lead's sentence is a clause of its own, and so is each
    part of a sentence that lists events at places of their own between semicolons (`_part`)."""
    groups: dict[tuple[bool, int, int], list[Cue]] = {}
    for cue in cues:
        at = doc[cue.start].idx
        key = (at < headline_end, _part(doc, at, parts), _clause_head(doc[cue.head_i]))
        groups.setdefault(key, []).append(cue)
    return list(groups.values())


def _placed_parts(sent: Span, places: list[Place]) -> frozenset[int]:
    """The parts of a sentence split by semicolons that each name a place, when two or more
    do: "three young men killed on Sunday in rural Segovia; combat in Ituango with two dead; a
    farmer injured by a mine in Remedios" lists three events, each with its own place, day and
    toll. ("Recap, Monday 31 July: a procession was attacked in Nuh; men from both sides
    fought": one place, one scene: no parts.)"""
    parts = frozenset(_part(sent.doc, p.start, None) for p in places)
    return parts if len(parts) > 1 else frozenset()


def _part(doc: Doc, at: int, parts: frozenset[int] | None) -> int:
    """Which of `parts` of its sentence a character lies in, -1 for none (every part when
    `parts` is None)."""
    if parts is not None and not parts:
        return -1
    span = doc.char_span(at, at + 1, alignment_mode="expand")
    part = doc_text(doc).count(";", _sentence_start(doc, span.start), at) if span is not None else 0
    return part if parts is None or part in parts else -1


def _sentence_start(doc: Doc, i: int) -> int:
    """Where the sentence of token `i` starts, in characters: `doc[i : i + 1].sent.start_char`
    (the nearest sentence start at or before it, else the doc's first token), by bisection
    over the sentence starts found once per doc (in `Doc.user_data`), not by spaCy's walk back
    token by token at each call."""
    starts = doc.user_data.get(_SENTENCE_STARTS)
    if starts is None:
        starts = doc.user_data[_SENTENCE_STARTS] = [t.i for t in doc if t.is_sent_start]
    k = bisect_right(starts, i) - 1
    return int(doc[starts[k] if k >= 0 else 0].idx)


_SENTENCE_STARTS = "eventwire.sentence_starts"  # Doc.user_data: the tokens that open sentences


def _in_modifier(token: Token, head: int) -> bool:
    """Whether a token sits in a participial or relative modifier of a noun of its clause."""
    t = token
    while t.i != head and t.head.i != t.i:
        if t.dep_ in ("acl", "relcl"):
            return True
        t = t.head
    return False


def _in_clause(place: Place, head: int, doc: Doc) -> bool:
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    return span is not None and _clause_head(span.root) == head


def find_mentions(story: StoryFacts) -> list[Mention]:
    """Every event mention of a story, in text order: which clauses tell an event, and which
    follow-up, toll, place and day belong to which. Linking only: the story passes come after."""
    doc, text, since = story.doc, story.text, news_since(story)
    dates = list(story.dates)
    headline_end = story.headline_end
    mentions: list[MentionDraft] = []
    # the mentions of the last three sentences, in order: `_previous` looks no further back,
    # and a mention out of reach stays out (sentence indexes grow, and only a mention in reach
    # is continued and so moved on), so time grows with the sentences, not their square
    recent: list[MentionDraft] = []
    paragraph_told = told_before(story)
    last_violent: MentionDraft | None = None  # the latest violent mention, however far back
    for facts in story.sentences:
        sent, index, paragraph = facts.sent, facts.index, facts.paragraph
        told = paragraph_told[index]
        cues, deciding, casualty = list(facts.cues), facts.deciding, facts.casualty
        qualifying = facts.qualifying
        tolls = list(facts.tolls)
        claim, notice = facts.claim, facts.notice
        actors, candidates = list(facts.actors), list(facts.sites)
        recent = [m for m in recent if index - m.index <= 2]
        # "- Clashes reported near Ulang" after "- 15 killed in Nasir": a list's item is news of
        # its own, no follow-up of the item above it
        previous = None if _a_bullet(sent) else _previous(recent, index, deciding, tolls)
        if (
            previous is None
            and last_violent is not None
            and index - last_violent.index <= BACK_REACH
            and tolls
            and not deciding
            and refers_back(sent)
        ):
            # "An explosion tore through a bus … ¶ The bus was one of several … Five passengers
            # were killed at the scene.": a toll that points back is the last violent event's,
            # a few sentences on (kept as one pointer: time still grows with the sentences)
            previous = last_violent
        called_in = _called_in(previous, deciding) and not story.note
        if called_in and previous is not None:
            # the air strike called in during a fight is an event of its own, at the fight's
            # scene and on its day (an analyst's note codes the fight alone)
            told = replace(
                told,
                place=told.place or previous.place,
                day=told.day or previous.date,
            )
        # the sentence's day for its first deciding cue (for its start when it has none)
        here = (
            _date_for(sent, dates, deciding[0].head_i if deciding else sent.start)
            if previous is not None
            else None
        )
        if (
            previous is not None
            and not called_in
            and not _another_day(previous, sent, deciding, here)
            and not _scene_moved(previous, told)
            and (
                _continues(previous, sent, deciding, candidates, tolls, actors)
                or _an_account_of(previous, sent, deciding, candidates, dates)
                or _day_of(previous, deciding, candidates, here)
            )
        ):
            # (the mention the headline told, whatever sentences retold it before this one)
            headline = previous.sentence.start_char < headline_end < sent.start_char
            if (previous.date is None or previous.date.of_statement) and (
                tolls
                or refers_back(sent)
                or names_it_again(sent)
                or headline
                or is_heading(previous.sentence)
            ):
                # (the lead that tells the headline's event dates it, and the paragraph that
                # tells a section heading's: "2. ARREST IN BACOLOD CITY. On Monday, 15 June, …")
                # (the headline's event told in the lead only as the time of another, "… after
                # a car bomb exploded", takes no day from it)
                again = next(
                    (c for c in deciding if c.category == previous.kind.cue.category), None
                )
                start = sent.start
                if again is not None and time_clause(doc[again.head_i]) is not None:
                    start = again.head_i
                previous.date = _date_for(sent, dates, start)
            if _within(here, previous.date):
                previous.date = here
            if previous.kind.event_type == BATTLES and _told_again(sent, deciding):
                before = _toll_values(previous.tolls)
                previous.tolls.extend(t for t in tolls if before.get(t.field, t.value) != t.value)
            _add_follow_up(previous, sent, cues, tolls, claim, notice, candidates, text, actors)
            if cues or tolls:  # a dateline or a quote tells nothing more of the event
                previous.index = index
            continue
        # an editor's note in brackets ("… Zolota Balka [Russian MoD reported 40 fatalities. …
        # 4 fatalities coded to this event]") may add to the event before it, but is none itself
        deciding = [c for c in deciding if not _bracketed(text, doc[c.start].idx)]
        casualty = [c for c in casualty if not _bracketed(text, doc[c.start].idx)]
        new: list[MentionDraft] = []
        specific = bool(tolls) or index == 0
        parts = _placed_parts(sent, candidates)
        groups = _clauses(deciding, doc, headline_end, parts) if deciding else []
        for group in groups:
            verbal = next((c for c in group if doc[c.head_i].pos_ == "VERB"), group[0])
            head = _clause_head(doc[verbal.head_i])
            # "a convoy … along a route agreed with the authorities": a cue inside a noun's
            # modifier does not decide over the clause's own cues, but what a munition carries
            # does ("mortar rounds containing poisonous gases": a chemical weapon)
            group = [
                c
                for c in group
                if c.category == "chemical" or not _in_modifier(doc[c.start : c.end].root, head)
            ] or group
            if not tolls and _told_before(group, sent, mentions, candidates, dates):
                continue
            if _done_in_the_act_before(group, new, head, candidates, doc):
                continue
            who = participants(sent, group[0].head_i, actors)
            kind = classify(group + casualty + qualifying, who)
            crowd = next((m for m in new if m.kind.event_type in (PROTESTS, RIOTS)), None)
            if (
                crowd is not None
                and all(c.category in MEETING_CROWDS for c in group)
                and (kind is None or all(_done_to_the_crowd(c, doc) for c in group))
            ):
                # "Students marched in Jinja; a girl was hit by a rubber bullet when police
                # dispersed them", "Workers gathered at the gate; police arrested five of them"
                _met_by_force(crowd, sent, group, actors)
                continue
            if kind is None:
                continue
            if (
                len(groups) == 1
                and kind.event_type not in TOLL_TYPES
                and kind.sub_event_type != SHOT_AT  # the protesters' dead are its own
                and casualty
                and any(t.value > 0 for t in tolls)
            ):
                # "four medics were killed during the evacuation": the deaths are the event
                # (a mob's killing is mob violence already: "a crowd lynched a thief")
                kind = casualty_only(casualty[0], victims_are_combatants(tolls), who)
            part = _part(doc, doc[verbal.start].idx, parts)
            in_part = [p for p in candidates if _part(doc, p.start, parts) == part]
            in_clause = [p for p in in_part if _in_clause(p, head, doc)] or (
                candidates if len(groups) == 1 else in_part if part >= 0 else []
            )
            new.extend(
                _mentions_for(
                    sent,
                    paragraph,
                    kind,
                    who,
                    in_clause,
                    dates,
                    mentions,
                    text,
                    specific,
                    since,
                    told,
                )
            )
        # deaths told with no act of their own: the sentence's, or beside the acts of a list's
        # parts, a part's own ("three farmers killed on Sunday in Gusau; a clash near Tsafe …")
        listed = parts if groups else frozenset()
        acts = {_part(doc, doc[g[0].start].idx, listed) for g in groups}
        for part in sorted({_part(doc, doc[c.start].idx, listed) for c in casualty} - acts):
            lone = [c for c in casualty if _part(doc, doc[c.start].idx, listed) == part]
            counted = [t for t in tolls if _part(doc, t.start, listed) == part]
            if (
                (groups and part < 0)
                or not counted
                or _a_party_s_claim(sent, lone, mentions)
                or _the_dead_told_before(lone, doc, mentions)
            ):
                continue
            who = participants(sent, lone[0].head_i, actors)
            kind = casualty_only(lone[0], victims_are_combatants(counted), who)
            placed = [p for p in candidates if _part(doc, p.start, listed) == part]
            new.extend(
                _mentions_for(
                    sent,
                    paragraph,
                    kind,
                    who,
                    placed,
                    dates,
                    [],
                    text,
                    True,
                    since,
                    told,
                )
            )
        if not new:
            if notice is not None and previous is not None:
                previous.unverified = notice
            continue
        violent = [m for m in new if m.kind.event_type in TOLL_TYPES]
        if any(doc[m.kind.cue.start].idx >= headline_end for m in violent):
            # a headline run into the lead: the lead's events take the sentence's toll
            violent = [m for m in violent if doc[m.kind.cue.start].idx >= headline_end]
        for m in new:
            cue_token = doc[m.kind.cue.head_i]
            m.claim = claim if claim is not None and claim.covers(cue_token) else None
            m.unverified, m.cues = notice, cues
            # one toll per sentence: it belongs to its event only when the event is alone
            if m in violent and len({id(v.place) for v in violent}) == 1 and m is violent[0]:
                m.tolls = list(tolls)
        killer = _the_killer(violent, casualty, doc)
        if tolls and killer is not None and not any(m.tolls for m in violent):
            # "A drone strike near X killed eleven people, as fighting flared across the
            # region": the toll is the subject's, the event that killed
            killer.tolls = list(tolls)
        named = _told_in_the_killing(violent, casualty, doc)
        if tolls and named is not None and not any(m.tolls for m in violent):
            # "Gunmen killed 12 people in an overnight attack on the village …, police said,
            # days after a similar raid nearby": the toll is the event the killing's clause
            # names, not the one told beside it
            named.tolls = list(tolls)
        if tolls and _one_listing(violent):
            for k, m in enumerate(violent):
                m.tolls = split_tolls(tolls, k, len(violent))
        told_in = {_part(doc, doc[m.kind.cue.start].idx, parts) for m in violent}
        if tolls and len(told_in) == len(violent) > 1 and -1 not in told_in:
            # a list between semicolons: each event takes the tolls of its own part
            for m in violent:
                part = _part(doc, doc[m.kind.cue.start].idx, parts)
                m.tolls = [t for t in tolls if _part(doc, t.start, parts) == part]
        for m in new:
            m.index = index
        mentions.extend(new)
        recent.extend(new)
        last_violent = next(
            (m for m in reversed(new) if m.kind.event_type in VIOLENT), last_violent
        )
    return [m.frozen() for m in mentions]


def _the_killer(violent: list[MentionDraft], casualty: list[Cue], doc: Doc) -> MentionDraft | None:
    """The one violent mention whose cue is the subject of the sentence's casualty verb."""
    if len(violent) < 2:
        return None
    subjects = [
        s
        for c in casualty
        for s in doc[c.head_i].children
        if s.dep_ == "nsubj" and doc[c.head_i].pos_ == "VERB"
    ]
    owners = [
        m
        for m in violent
        if any(s.left_edge.i <= m.kind.cue.head_i <= s.right_edge.i for s in subjects)
    ]
    return owners[0] if len(owners) == 1 else None


def _told_in_the_killing(
    violent: list[MentionDraft], casualty: list[Cue], doc: Doc
) -> MentionDraft | None:
    """The one violent mention whose cue lies in the clause of the sentence's casualty verb
    ("killed 12 people in an overnight attack"), when others lie outside it."""
    if len(violent) < 2:
        return None
    verbs = [doc[c.head_i] for c in casualty if doc[c.head_i].pos_ == "VERB"]
    inside = [
        m
        for m in violent
        if any(v.left_edge.i <= m.kind.cue.head_i <= v.right_edge.i for v in verbs)
    ]
    return inside[0] if len(inside) == 1 else None


def _one_listing(violent: list[MentionDraft]) -> bool:
    """Several events of one kind, one per place a clause lists ("shelled X and Y")."""
    return (
        len(violent) > 1
        and all(m.place_reason == LISTED for m in violent)
        and len({id(m.place) for m in violent}) == len(violent)
        and len({(m.kind.event_type, m.kind.cue.head_i) for m in violent}) == 1
    )


def split_tolls(tolls: list[TollFigure], k: int, n: int) -> list[TollFigure]:
    """The share of the `k`-th of `n` listed places in a toll the sentence gives for all of them.

    ACLED's convention (its notes: "10 fatalities split across 3 events. 4 fatalities coded to
    this event"): the toll is divided evenly, the remainder going to the first places listed.
    A place whose share is nothing gets no figure.
    """
    out = []
    for t in tolls:
        share = t.value // n + (1 if k < t.value % n else 0)
        if share > 0 or t.value == 0:
            reason = f"{t.reason}; {t.value} split evenly among the {n} places listed"
            out.append(replace(t, value=share, reason=reason))
    return out


def _previous(
    mentions: list[MentionDraft], index: int, deciding: list[Cue], tolls: list[TollFigure]
) -> MentionDraft | None:
    """The mention a sentence may continue: the latest of the two sentences before it, and
    the latest violent one when the sentence is about violence."""
    recent = [m for m in mentions if index - m.index <= 2]
    if not recent:
        return None
    violent_here = bool(tolls) or any(c.category in VIOLENT_CATEGORIES for c in deciding)
    if violent_here:
        for m in reversed(recent):
            if m.kind.event_type in VIOLENT:
                return m
    return recent[-1]


def _continues(
    previous: MentionDraft,
    sent: Span,
    deciding: list[Cue],
    candidates: list[Place],
    tolls: list[TollFigure],
    actors: list[ActorPhrase],
) -> bool:
    """Whether a sentence tells more about the mention before it rather than a new event.

    A sentence that names another site, or gives a second toll, is another event; one that
    names no site of its own and has only violent cues ("1 civilian was killed", "The attack
    killed 35") can only be about the event before it.
    """
    if previous.kind.event_type in (*VIOLENT, PROTESTS, RIOTS) and _later_deaths(sent, deciding):
        return True  # "A third soldier died of his wounds on Tuesday in Baghdad": its dead
    if _another_site(previous, candidates) or (deciding and _opens_another(sent)):
        return False
    here = {p.name for p in candidates if p.kind in SITE_KINDS}
    if deciding and previous.place is not None and previous.place.kind in SITE_KINDS:
        # "In the Red Sea port city of Hodeidah, warplanes struck …" after a clash in Marib: a
        # region other than the event's own, named with cues of its own, is another event
        areas = {p.admin1 for p in candidates if p.kind in ("admin1", "region")}
        if areas and previous.place.admin1 not in areas:
            return False
    violent = previous.kind.event_type in VIOLENT
    crowd = previous.kind.event_type in (PROTESTS, RIOTS)
    if (
        tolls
        and crowd
        and (
            previous.kind.sub_event_type != "Peaceful protest"
            or _the_force_that_met(previous.who, sent, deciding, actors) is not previous.who
        )
        and all(c.category in CROWD_FOLLOW_UPS for c in deciding)
    ):
        # "Police fired live rounds to disperse the crowd. Two demonstrators were killed.": the
        # toll of the protest broken up or the riot, or of one a force met in the sentence
        # that tells the dead ("… marched on Friday. Soldiers opened fire on the column, and
        # four women were killed."); a peaceful one's dead are another event. Only a toll it
        # has not told yet ("… were killed. At least 30 officers were wounded.")
        told = {t.field for t in previous.tolls}
        return not any(t.field in told for t in tolls) and not _running_total(sent)
    if tolls and (not violent or _running_total(sent)):
        return False
    if tolls and previous.kind.event_type == BATTLES and _told_again(sent, deciding):
        return True  # "One police inspector was killed in the gunfight": the other side's dead
    if tolls and violent and all(t.revises for t in tolls):
        return True  # "The death toll later rose to 14": the event's toll, revised
    here_tolls, before_tolls = _toll_values(tolls), _toll_values(previous.tolls)
    if any(before_tolls.get(f, v) != v for f, v in here_tolls.items()):
        return False  # another toll: another event (a restated toll, or the wounded, add to it)
    if not deciding or refers_back(sent):
        return True
    if not here:
        if previous.kind.event_type in (PROTESTS, RIOTS):
            return all(c.category in CROWD_FOLLOW_UPS for c in deciding)
        if previous.kind.sub_event_type == "Arrests":
            return all(_spoils(c, sent.doc) or _damage(c, sent.doc) for c in deciding)
        if previous.kind.sub_event_type in _DESTROY_THEIR_FINDS and all(
            _damage(c, sent.doc) for c in deciding
        ):
            return True  # "The items were destroyed in place", after sappers found mines
        return violent and all(
            c.category in VIOLENT_CATEGORIES | {"mob"}
            or _by_those_told(c, sent.doc)
            or _damage(c, sent.doc)
            or _spoils(c, sent.doc)
            or _arrest_of_those_told(c, sent.doc)
            for c in deciding
        )
    # the same site named again with cues of its own: the same event only for the same cue kind
    # (a headline and its lead; "shelled X. The shelling of X destroyed …"), or its damage
    return any(c.category == previous.kind.cue.category for c in deciding) or (
        violent
        and all(_damage(c, sent.doc) or _arrest_of_those_told(c, sent.doc) for c in deciding)
    )


_ANOTHER_EVENT = re.compile(
    r"(?:{})\b".format(
        "|".join(re.escape(w) for w in load_vocabulary("linking")["another_event_openers"])
    ),
    re.I,
)


def _opens_another(sent: Span) -> bool:
    """Whether the sentence opens with words that tell another event ("Also on Sunday, …",
    "Separately, …", "In a separate incident, …"; linking.yaml)."""
    return _ANOTHER_EVENT.match(span_text(sent).lstrip("-–—•* ")) is not None


# Events whose own act may destroy what it found or took (damage told after them is theirs)
_DESTROY_THEIR_FINDS = frozenset({"Disrupted weapons use", "Looting/property destruction"})

_BULLETS = frozenset("-–—•*▪●·")


def _a_bullet(sent: Span) -> bool:
    """Whether the sentence opens an item of a bulleted list ("- Aid convoy looted …"): each
    item tells its own news, none a follow-up of the item above it."""
    text = doc_text(sent.doc)
    line = text[text.rfind("\n", 0, sent.start_char) + 1 : sent.start_char].strip()
    return len(line) == 1 and line in _BULLETS


def _bracketed(text: str, offset: int) -> bool:
    """Whether `offset` lies inside square brackets: more "[" than "]" before it."""
    opens, closes = _brackets(text)
    return bisect_left(opens, offset) > bisect_left(closes, offset)


@lru_cache(maxsize=8)
def _brackets(text: str) -> tuple[list[int], list[int]]:
    """Where the text's "[" and "]" are, once per text (counting them again before each cue
    made a long article's time grow with its square)."""
    return _positions(text, "["), _positions(text, "]")


def _positions(text: str, char: str) -> list[int]:
    """Every index of `char` in `text`, in order (`str.find`, not a loop over each character)."""
    out = []
    i = text.find(char)
    while i >= 0:
        out.append(i)
        i = text.find(char, i + 1)
    return out


def _damage(cue: Cue, doc: Doc) -> bool:
    """ "Nearby shops and a fuel station were destroyed", "4 garages and 1 car burned", "a house
    was set on fire": damage told with no one doing it is a detail of the violent event before
    it, not an event of its own."""
    if cue.category != "looting":
        return False
    verb = next((t for t in doc[cue.start : cue.end] if t.pos_ == "VERB"), None)
    if verb is None or any(c.dep_ in ("agent", "dobj") for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    # "4 garages and 1 car burned": a thing as the subject of an intransitive verb
    return _passive(verb) or (
        subject is not None
        and subject.ent_type_ == ""
        and subject.pos_ == "NOUN"
        and subject.lemma_ not in ("people", "man", "resident", "protester")
    )


def _done_in_the_act_before(
    group: list[Cue], new: list[MentionDraft], head: int, candidates: list[Place], doc: Doc
) -> bool:
    """ "Armed men stormed a farm near Mogotio on 17 March; they burned the stores": a later
    clause of the sentence in which the attackers its earlier clause told burn or loot, or
    damage is told with no one doing it, with no site of its own, is that attack's; so is a
    time clause that tells how the encounter began or what its victim was doing, wherever it
    was (`_fire_that_led`)."""
    if not any(m.kind.event_type in VIOLENT for m in new):
        return False
    if all(_fire_that_led(c, doc) for c in group):
        return True  # (its place, "as he left a meeting in Simití", is the scene's)
    return not any(_in_clause(p, head, doc) for p in candidates if p.kind in SITE_KINDS) and all(
        _by_those_told(c, doc) or _damage(c, doc) or _fire_that_led(c, doc) for c in group
    )


_FIRING = frozenset({"strike", "clash", "attack", "vac_attack"})


def _fire_that_led(cue: Cue, doc: Doc) -> bool:
    """ "Police shot dead a suspect after he fired at officers", "troops killed two gunmen when
    they attacked a checkpoint": the fire of someone the sentence has named (a pronoun or a
    definite noun its subject), told in a time clause with no day of its own, is how the
    encounter the main clause tells began, not an event of its own; so is what they were doing
    when it befell them ("shot dead a leader as he left a meeting"). ("… after gunmen attacked
    a bus on Sunday", "… after rebels ambushed a convoy" tell events of their own.)"""
    verb = governing_verb(doc[cue.head_i])
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    scene = any(c.dep_ == "mark" and c.lower_ in _SCENE_MARKS for c in verb.children)
    return (
        (cue.category in _FIRING or scene)
        and verb.dep_ == "advcl"
        and subject is not None
        and _definite(subject)
        and not any(t.ent_type_ in ("DATE", "TIME") for t in verb.subtree)
    )


# a time clause that tells what someone was doing when the event befell them ("shot dead a
# leader as he left a meeting", "when they were returning from a rally")
_SCENE_MARKS = frozenset({"as", "when", "while", "whilst"})


def _by_those_told(cue: Cue, doc: Doc) -> bool:
    """ "The militants invaded three villages, slaughtering their victims before setting the
    houses on fire", "They looted shops before fleeing": burning and looting that the
    attackers just told do (a pronoun or a definite noun their subject) is that attack's, not
    an event of its own; "Rioters looted shops" names others, and "houses were burned by the
    gunmen" tells the damage as news of its own."""
    if cue.category not in ("looting", "riot"):  # ("set fire to", "torched")
        return False
    verb = subject_s_verb(governing_verb(doc[cue.head_i]))
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and _definite(subject)


def _definite(token: Token) -> bool:
    """ "they", "the gunmen", "their attackers": people the story has named already."""
    return token.lower_ in _TOLD_PRONOUNS or any(
        d.dep_ in ("det", "poss") and d.lower_ in _DEFINITE | {"his", "her", "their"}
        for d in token.children
    )


_TOLD_PRONOUNS = frozenset({"him", "her", "them", "he", "she", "they"})


_CULPRITS = frozenset(
    {"assailant", "attacker", "culprit", "killer", "murderer", "perpetrator", "suspect"}
)


def _spoils(cue: Cue, doc: Doc) -> bool:
    """ "Weapons and uniforms were seized", "two rifles were recovered": arms taken with no one
    named taking them, after a raid, a fight or an arrest, are what that operation seized,
    not an operation of their own."""
    if cue.category not in ("disrupt", "cache"):
        return False
    verb = doc[cue.head_i]
    if verb.pos_ != "VERB" or any(c.dep_ in ("agent", "nsubj") for c in verb.children):
        return False
    return _passive(verb)


def _passive(verb: Token) -> bool:
    """ "were destroyed", "were seized", or a participle the parser hung on the thing ("1 car
    burned", "two rifles recovered")."""
    return verb.dep_ == "acl" or any(c.dep_ == "auxpass" for c in verb.children)


def _arrest_of_those_told(cue: Cue, doc: Doc) -> bool:
    """ "The police later arrested the assailants", "the murderer was arrested": the arrest of
    the people the event before it told of is the end of that event, not another one."""
    if cue.category != "arrest":
        return False
    verb = doc[cue.head_i]
    held = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return bool(held) and all(h.lemma_.lower() in _CULPRITS or _definite(h) for h in held)


_LASTING = frozenset({"go", "continue", "last", "rage", "drag", "stretch", "persist"})
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})


def _told_before(
    group: list[Cue],
    sent: Span,
    earlier: list[MentionDraft],
    candidates: list[Place],
    dates: list[DateMention],
) -> bool:
    """ "The strike hit the vehicle on a rural road", "the attack on Macomia showed …", "fled
    during the raid": an event noun with a definite article, with no day of its own and no
    site other than those already told, names an event the story told before."""
    if not earlier:
        return False
    doc = sent.doc

    def definite(token: Token) -> bool:
        return token.pos_ in ("NOUN", "PROPN") and any(
            d.dep_ == "det" and d.lower_ in _DEFINITE for d in token.children
        )

    nouns = {c.head_i for c in group if definite(doc[c.head_i])}
    for c in group:
        token = doc[c.head_i]
        # "The strike hit the vehicle": the verb of a definite event noun is that event's
        if c.head_i not in nouns and not any(
            s.dep_ == "nsubj" and s.i in nouns for s in token.children
        ):
            return False
    if _date_for(sent, dates, group[0].head_i) is not None:
        return False
    told = {m.place.name for m in earlier if m.place is not None}
    # the sites of the event named ("the attack on Macomia"), not where people fled to
    # ("The attack took place 23 miles south of Cotonou": the subject's verb tells its site)
    heads = [doc[c.head_i].head if doc[c.head_i].dep_ == "nsubj" else doc[c.head_i] for c in group]
    spans = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge)) for t in heads]
    return all(
        p.name in told
        for p in candidates
        if p.kind in SITE_KINDS and any(a <= p.start < b for a, b in spans)
    )


def _told_again(sent: Span, deciding: list[Cue]) -> bool:
    """A toll "in the gunfight", "during the clashes": the battle just told, with the other
    side's dead (a battle's toll counts both sides)."""
    doc = sent.doc
    return bool(deciding) and all(
        c.category in VIOLENT_CATEGORIES
        and doc[c.head_i].dep_ == "pobj"
        and doc[c.head_i].head.lower_ in ("in", "during")
        and any(
            d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in doc[c.head_i].children
        )
        for c in deciding
    )


def _another_day(
    previous: MentionDraft, sent: Span, deciding: list[Cue], here: DateMention | None
) -> bool:
    """ "On Monday, police fought gangs downtown" after Sunday's arson: cues of its own on a day
    (`here`, the sentence's for its first cue) other than the event's make another event."""
    if not deciding or previous.date is None or previous.date.of_statement:
        return False  # (a statement's day lent to the event is no day of its own)
    doc = sent.doc
    if any(
        doc[c.head_i].dep_ == "nsubj" and doc[c.head_i].head.lemma_ in _LASTING for c in deciding
    ):
        return False  # "The gunfight went on into Monday morning": the same event, lasting
    other = (
        here is not None and here.date != previous.date.date and not _within(here, previous.date)
    )
    # (not "A third soldier died of his wounds on Tuesday": its toll, a day later)
    return other and not _later_deaths(sent, deciding)


def _later_deaths(sent: Span, deciding: list[Cue]) -> bool:
    """Whether the sentence tells deaths of wounds or in hospital and no violence but the one
    that wounded them ("A third soldier died of his wounds on Tuesday in a military hospital in
    Baghdad", "A soldier wounded in the blast succumbed to his injuries", "He died in hospital
    three days after the bombing"): the dead of the event told before it, whatever their day
    (`sites.died_of_wounds`)."""
    deaths = [t for t in sent if died_of_wounds(t)]

    def of_the_dead(c: Cue) -> bool:
        return c.category == "casualty" or any(
            r.left_edge.i <= c.head_i <= r.right_edge.i
            for t in deaths
            for r in t.children
            if r.dep_ in ("nsubj", "nsubjpass") or (r.dep_ == "prep" and r.lower_ == "after")
        )

    return bool(deaths) and all(of_the_dead(c) for c in deciding)


def _called_in(previous: MentionDraft | None, deciding: list[Cue]) -> bool:
    """ "The patrol returned fire … Two fixed-wing aircraft engaged the insurgent positions":
    aircraft striking during a fight (not "officers were lowered from a helicopter")."""
    return (
        previous is not None
        and previous.kind.event_type == BATTLES
        and any(c.category == "air" for c in deciding)
        and any(c.category in VIOLENT_CATEGORIES - {"air"} for c in deciding)
    )


def _day_of(
    previous: MentionDraft, deciding: list[Cue], candidates: list[Place], here: DateMention | None
) -> bool:
    """ "The weekend began with detentions in Lyon. On Friday evening, police … detained 12":
    cues of the event's own kind, at no other site, on a day inside the week or weekend it was
    dated to, tell that event's day."""
    return (
        bool(deciding)
        and not _another_site(previous, candidates)
        and any(c.category == previous.kind.cue.category for c in deciding)
        and _within(here, previous.date)
    )


def _another_site(previous: MentionDraft, candidates: list[Place]) -> bool:
    """Whether a sentence names a site other than the mention's own."""
    here = {p.name for p in candidates if p.kind in SITE_KINDS}
    return bool(here) and (previous.place is None or here != {previous.place.name})


def _within(day: DateMention | None, span: DateMention | None) -> bool:
    """Whether a day (precision 1) lies inside the week or weekend (precision 2) told before."""
    return (
        day is not None
        and span is not None
        and day.precision < span.precision == 2
        and abs((day.date - span.date).days) <= 3
    )


def _km_apart(a: Place, b: Place) -> float:
    """How far apart two places are (0 for one name with no point, far for two)."""
    km = points_km(a, b)
    if km is None:
        return 0.0 if (a.name, a.country_code) == (b.name, b.country_code) else math.inf
    return km


def _scene_moved(previous: MentionDraft, told: ToldBefore) -> bool:
    """Whether the sentences since the event moved the story to another site or day: "Fighting
    went on in Abobo on Monday. ¶ Militiamen set up a roadblock outside Bouake on 4 May. Two
    traders were beaten to death." The toll belongs to the new scene, not to the fighting.
    (A day or place told in the event's own sentences moves nothing: "… gathered on 10
    September to demand the mayor's resignation, voted in August".)"""
    place, before = told.place, previous.place
    if place is not None and before is not None and told.place_at > previous.index:
        if place.kind in SITE_KINDS and _km_apart(place, before) > SCENE_KM:
            return True
    day, date_before = told.day, previous.date
    return (
        day is not None
        and date_before is not None
        and told.day_at > previous.index
        and day.date != date_before.date
    )


def _an_account_of(
    previous: MentionDraft,
    sent: Span,
    deciding: list[Cue],
    candidates: list[Place],
    dates: list[DateMention],
) -> bool:
    """Whether a sentence is a party's account of the violent event just told: every cue in
    what someone said had happened, and no site or day of its own ("The military said it had
    targeted militants in the compound; it said it killed a commander"). Its toll is a claim,
    not another event's."""
    if previous.kind.event_type not in VIOLENT or not deciding:
        return False
    if any(p.kind in SITE_KINDS for p in candidates) or _date_for(sent, dates, sent.start):
        return False
    doc = sent.doc
    return all(_reported_perfect(doc[c.head_i]) for c in deciding)


def _a_party_s_claim(sent: Span, casualty: list[Cue], earlier: list[MentionDraft]) -> bool:
    """ "JNIM said in a statement that it had killed more than 60 soldiers", later in a story
    that told the attack: a party's toll for an event already told, not an event of its own."""
    if not any(m.kind.event_type in VIOLENT for m in earlier):
        return False
    doc = sent.doc
    for cue in casualty:
        token = doc[cue.head_i]
        if not _reported_perfect(token):
            return False
        if not any(c.dep_ == "nsubj" and c.pos_ == "PRON" for c in token.children):
            return False
    return True


def _the_dead_told_before(casualty: list[Cue], doc: Doc, earlier: list[MentionDraft]) -> bool:
    """ "Thousands attended the funeral of the two men killed on Friday", later in a story that
    told a violent event: the dead named by a definite noun and the participle of their killing
    are that event's, no event of their own (a story that opens so still tells one)."""
    if not casualty or not any(m.kind.event_type in VIOLENT for m in earlier):
        return False

    def told(token: Token) -> bool:
        return (
            token.dep_ == "acl"
            and token.tag_ == "VBN"
            and _those_it_befell(token.head)
            and _definite(token.head)
        )

    heads = [doc[c.head_i] for c in casualty]
    # (and what is of them: "the bodies of the two men killed near Tebnine")
    return any(told(t) for t in heads) and all(
        told(t) or any(told(d) for d in t.subtree) for t in heads
    )


def _reported_perfect(token: Token) -> bool:
    """A cue in the past perfect under a say-verb ("said it had targeted …")."""
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    perfect = any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children)
    return perfect and verb.dep_ == "ccomp" and verb.head.lemma_ in SAY_LEMMAS


def _running_total(sent: Span) -> bool:
    """ "The war … has killed more than 14,000": a toll that sums a conflict up
    (tolls.running_total) continues no event."""
    return any(
        t.lemma_ in ("kill", "die", "wound", "injure", "displace") and running_total(t) is not None
        for t in sent
    )


def _toll_values(tolls: list[TollFigure]) -> dict[str, int]:
    values: dict[str, int] = {}
    for t in tolls:
        values[t.field] = values.get(t.field, 0) + t.value
    return values


def _add_follow_up(
    mention: MentionDraft,
    sent: Span,
    cues: list[Cue],
    tolls: list[TollFigure],
    claim: Claim | None,
    notice: tuple[int, int, str] | None,
    candidates: list[Place],
    text: str,
    actors: list[ActorPhrase],
) -> None:
    if mention.place is None and candidates and (tolls or mention.index == 0):
        # a headline without a place, then a lead that names it
        mention.place = listed_sites(candidates, text)[0]
        mention.place_reason = "named in the sentence after"
    acts = [c for c in cues if c.category not in ("casualty", *QUALIFIERS)]
    if mention.who.agent is None and mention.index == 0 and acts:
        # a headline without a doer ("Gaza: strikes after Rafah attack"), then a lead that
        # names it ("Israeli aircraft struck dozens of targets across the Strip")
        here = participants(sent, acts[0].head_i, actors)
        if here.agent is not None:
            reason = f"named in the sentence after: {here.agent_reason}"
            mention.who = Participants(here.agent, mention.who.target or here.target, reason)
    # a running toll replaces the figure told before ("… killing 12. The toll rose to 14.")
    revised = {t.field for t in tolls if t.revises}
    mention.tolls = [t for t in mention.tolls if t.field not in revised]
    have = {t.field for t in mention.tolls}
    mention.tolls.extend(t for t in tolls if t.field not in have)
    if any(t.field == "fatalities" for t in tolls):
        mention.pending = False
    if mention.claim is None and claim is not None and (tolls or notice):
        mention.claim = claim
    if notice is not None:
        mention.unverified = notice
    _met_by_force(mention, sent, cues, actors)
    if (
        mention.kind.sub_event_type in TAKEN
        and any(c.category == "unopposed" for c in cues)
        and not any(c.category in FIGHT_CATEGORIES for c in mention.cues)
    ):
        # "IS militants seized control of the last border point on Thursday. The group is in
        # control of it following the withdrawal of the Syrian forces": the capture met no
        # one, a non-violent transfer (not one "after a brief exchange of fire")
        richer = classify(mention.cues + cues, mention.who)
        if richer is not None and richer.sub_event_type == TRANSFER:
            mention.kind = richer
    mention.cues = mention.cues + cues


def _met_by_force(
    mention: MentionDraft, sent: Span, cues: list[Cue], actors: list[ActorPhrase]
) -> None:
    """ "… demonstrated. Police dispersed them with tear gas.", "Students marched in Jinja;
    a girl was hit by a rubber bullet when police dispersed them": a crowd's event told
    before, met by a force in a later sentence or clause, is a protest with intervention (the
    mention's kind and sides, read again with the later cues)."""
    if mention.kind.event_type not in (PROTESTS, RIOTS):
        return
    who = mention.who
    if mention.kind.event_type == PROTESTS:  # (a riot met by police stays the rioters')
        who = _the_force_that_met(who, sent, cues, actors)
    # (a mention of this sentence holds no cues yet: its own cue reads for them)
    richer = classify((mention.cues or [mention.kind.cue]) + cues, who)
    if richer is not None and richer.event_type in (PROTESTS, RIOTS):
        mention.kind, mention.who = richer, who


def _done_to_the_crowd(cue: Cue, doc: Doc) -> bool:
    """ "arrested five of them", "detained several protesters": the verb's object is the crowd
    a clause before told (a pronoun, or a crowd's word: cues.yaml intervention: crowds), not
    "arrested a suspected robber"."""
    verb = governing_verb(doc[cue.head_i])
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for o in objects for p in o.children if p.lower_ == "of" for g in p.children]
    return any(o.lower_ in ("them", "they") or o.lemma_.lower() in MET_CROWDS for o in objects)


def _the_force_that_met(
    crowd: Participants, sent: Span, cues: list[Cue], actors: list[ActorPhrase]
) -> Participants:
    """The sides of a crowd's event once a later sentence tells the force that met it.

    "Thousands of women marched on the square. Soldiers opened fire without warning.": the
    soldiers did the firing, not the marchers (read with the crowd's own sides, the shooting
    was the crowd's, a violent demonstration); the force becomes the agent, the crowd its
    target. A sentence whose violence has no force as its doer leaves the sides as they were.
    """
    if crowd.agent is not None and crowd.agent.kind not in CROWDS:
        return crowd
    doc = sent.doc
    for cue in cues:
        verb = governing_verb(doc[cue.head_i])
        if cue.category not in MEETING_CROWDS or _in_modifier(verb, verb.sent.root.i):
            continue  # (not "the gendarmes who shot", a relative clause about people)
        here = participants(sent, cue.head_i, actors)
        agent = here.agent
        if agent is not None and agent.kind in FORCES and _its_doer(agent, verb):
            return Participants(agent, crowd.agent or here.target, here.agent_reason)
    return crowd


def _its_doer(actor: ActorPhrase, verb: Token) -> bool:
    """Whether the actor is the verb's own subject or its "by" agent (not an actor named
    earlier in the sentence: "Police watched but did not intervene, and it dispersed"), the
    subject a second verb shares with the first ("Police arrived and fired tear gas") too."""
    return any(
        c.dep_ in ("nsubj", "agent") and c.left_edge.i <= actor.head_i <= c.right_edge.i
        for c in (*subject_s_verb(verb).children, *verb.children)
    )


# What a force does to a crowd told before (its doer decides whose violence it is); a clash
# has two sides, and its subject may be the one fired on ("troops came under fire from …")
MEETING_CROWDS = frozenset({"vac_attack", "intervention", "arrest"})
FORCES = frozenset({"military", "police"})


def _mentions_for(
    sent: Span,
    paragraph: int,
    kind: EventType,
    who: Participants,
    candidates: list[Place],
    dates: list[DateMention],
    earlier: list[MentionDraft],
    text: str,
    specific: bool,
    since: date | None,
    told: ToldBefore,
) -> list[MentionDraft]:
    """The mentions of one classified clause: one per site it names.

    An event that names no site is kept when it is `specific` (it gives a toll, or it is the
    headline), a strategic development, or when its paragraph named a site before it; it
    then takes that site (`told`), else the site of the event before it in the paragraph,
    else the article's country downstream. Any other is vague ("fighting continued") and is
    kept only as pending a toll. One that tells no day takes the last day its paragraph told
    before it, else the day of the event before it.
    """
    previous = earlier[-1] if earlier else None
    sites = listed_sites(candidates, text)
    date_here = _date_for(sent, dates, kind.cue.start)
    if date_here is not None and _long_before(date_here, since):
        return []  # "stormed the border on Oct. 7 last year": background, not news
    dated = date_here is not None
    # an event told as the time of another ("… a day and a half after a car bomb exploded"),
    # with no day of its own: its own telling dates it, not the day its sentence tells
    clause = time_clause(sent.doc[kind.cue.head_i])
    if (
        clause is not None
        and _weeks_before(sent, clause)
        and (date_here is None or not clause[0] <= date_here.start < clause[1])
    ):
        return []  # "… spread across the country six weeks after rebels were driven out": history
    if len(sites) >= SPREAD and not dated and _perfect(governing_verb(sent.doc[kind.cue.head_i])):
        return []  # "Rallies have been reported in Batumi, Kutaisi, Zugdidi and Gori": a spread
    as_a_time = date_here is None and clause is not None
    if date_here is None and not as_a_time:
        # "The ministry announced on Saturday that troops had arrested …": by that day
        date_here = _day_of_its_statement(sent, dates, kind.cue.start)
    if date_here is None and not as_a_time:
        # "On Wednesday 14 October, a patrol made contact with an armed group. In the exchange
        # of fire, two members of the group died.": the day the paragraph is telling
        date_here = told.day
    # the scene's day, in the sentence or before it in its paragraph or log entry (not the day
    # of the event told before it: "Elders held talks to end the fighting" is no new event)
    day_told = date_here is not None
    if (
        date_here is None
        and not as_a_time
        and previous is not None
        and paragraph - previous.paragraph <= 1
        and not is_heading(sent)  # "2. ARREST IN BACOLOD CITY. On Monday, …": a new item
        and not opens_a_summary(sent)  # "In brief: a post was overrun …; …": the story ahead
    ):
        # the day told just before: in the paragraph, or the one before it ("… on Sunday.
        # ¶ The officials said the rebels attacked …")
        date_here = previous.date
    if not sites:
        placeless_ok = kind.event_type == "Strategic developments"
        # a clause its paragraph placed just before is no vague one ("Good morning from
        # Chisinau. Crowds are already gathering … for a second day of protests.")
        # … nor is one with a day of its own, or its scene's, in a story that named one town
        # only ("ROSTOCK … The violence began on Saturday night, when a crowd of youths
        # attacked the centre"; "Monday, 18 September ¶ 23:30 - Protesters are throwing paving
        # stones at riot police.")
        only = told.only if day_told else None
        only_reason = BORROWED_PLACE[2]
        if only is None and day_told and kind.event_type in (PROTESTS, RIOTS):
            # "From the morning of Monday 27 April, several thousand teachers gathered in the
            # Centro Civico square" in a story about Curitiba's demonstrations: in its town
            only, only_reason = told.main, BORROWED_PLACE[3]
        # (a place its heading gives it places a clause that has a day, its own or its entry's:
        # not "the movement has mostly stayed peaceful" under "Sunday night in Al Hoceima")
        placed = told.place is not None and (day_told or not told.headed)
        pending = not (placeless_ok or specific or placed or only is not None)
        if pending and not (dated and kind.event_type in TOLL_TYPES):
            return []
        inherited, reason = told.place, BORROWED_PLACE[0]
        if inherited is None and previous is not None and previous.paragraph == paragraph:
            inherited, reason = previous.place, BORROWED_PLACE[1]
        if inherited is None and only is not None:
            inherited, reason = only, only_reason
        reason = reason if inherited is not None else "no place named"
        mention = MentionDraft(sent, paragraph, kind, who, inherited, reason, date_here)
        mention.pending, mention.dated = pending, dated
        return [mention]
    out = []
    for site in sites:
        reason = "the place named with the event"
        if len(sites) > 1:
            reason = LISTED
        out.append(MentionDraft(sent, paragraph, kind, who, site, reason, date_here, dated=dated))
    return out


def _date_for(sent: Span, dates: list[DateMention], cue_token: int) -> DateMention | None:
    """The sentence's date that dates the cue's event: of its factual dates in the cue's own
    part of the sentence (between semicolons), one not told of the report, then not
    "overnight", then not a participant's (`_of_a_participant`), then a day before a week,
    month or year, then the nearest the cue."""
    doc = sent.doc
    cue_char = doc[cue_token].idx
    told = _inside(sent, dates)
    clause = time_clause(doc[cue_token])
    part = _part(doc, cue_char, None)
    inside = [
        d
        for d in told
        if date_is_factual(d, doc)
        # a clause after a semicolon tells its own time: "killed on Sunday in Segovia; combat
        # in Ituango", "… beating occupants; dozens were detained, most released by Sunday"
        and _part(doc, d.start, None) == part
        and not _day_of_another(d, doc, cue_token)
        and not _in_a_clause_of_its_own(d, doc, cue_token)
        and not _of_another_statement(d, doc, cue_token)
        and not _day_of_what_came_before(d, told, cue_char, sent)
        and not _outside_its_participle(d, doc, cue_token)
        and not _outside_its_victims(d, doc, cue_token)
        and (clause is None or clause[0] <= d.start < clause[1])
    ]
    if not inside:
        return _day_of_those_told(sent, told, cue_token, part)
    return min(
        inside,
        key=lambda d: (
            _dates_statement(d, doc),
            d.text.lower() == "overnight",  # "an overnight raid …, yesterday": the day wins
            _of_a_participant(d, doc, cue_token),
            # "… killed last year, stormed the station on Monday": a month or a year beside a
            # day of the same sentence tells background, the day the event
            (d.precision or 1) > 1,
            abs(d.start - cue_char),
        ),
    )


def _day_of_those_told(
    sent: Span, told: list[DateMention], cue_token: int, part: int
) -> DateMention | None:
    """ "On 31 October two women carrying explosive belts tried to enter the town; one of them
    detonated her charge", "stormed a farm on 17 March; they burned the stores in Kabarnet": a
    part of the sentence whose doers are the people its part before told (a pronoun, a
    definite noun, "one of them") goes on that part's day; "killed on Sunday in Segovia;
    combat in Ituango" lists another event, of no day told."""
    doc = sent.doc
    verb = subject_s_verb(governing_verb(doc[cue_token]))
    doers = [  # of its own part (the parse may hang a subject across the semicolon)
        c
        for c in verb.children
        if c.dep_ in ("nsubj", "nsubjpass") and _part(doc, c.idx, None) == part
    ]
    if not doers or not all(_definite(d) or _one_of_them(d) for d in doers):
        return None
    before = [
        d
        for d in told
        if date_is_factual(d, doc)
        and _part(doc, d.start, None) < part
        and not _day_of_another(d, doc, cue_token)
    ]
    return max(before, key=_start, default=None)


def _one_of_them(token: Token) -> bool:
    """ "one of them", "two of the women": some of people told before."""
    return token.pos_ in ("NUM", "PRON") and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(_definite(g) for g in c.children)
        for c in token.children
    )


def _day_of_its_statement(
    sent: Span, dates: list[DateMention], cue_token: int
) -> DateMention | None:
    """ "The ministry announced on Saturday 8 August that security forces had arrested three
    men in Abha": an event told with no day of its own, nor its paragraph's, in what a
    statement of a given day says, happened by that day; the statement's day dates it, not the
    later report's. (Not a day of its own: a later sentence that tells its day still can.)"""
    doc = sent.doc
    part = _part(doc, doc[cue_token].idx, None)
    for d in _inside(sent, dates):
        verb = _statement_telling(d, doc, cue_token)
        if verb is not None and verb.i != cue_token and _part(doc, d.start, None) == part:
            reason = f"{d.reason}; the day of the statement that tells it: the event's, or before"
            return replace(d, reason=reason, of_statement=True)
    return None


def _of_a_participant(d: DateMention, doc: Doc, cue_token: int) -> bool:
    """ "Gunmen who had escaped from prison on Saturday attacked a police post on Monday": a
    day inside what the sentence says of a participant (a clause below one of the cue's nouns)
    dates that, not the cue's event; another day of the sentence is its day. So does a day in
    a relative clause about a participant the parse hangs elsewhere ("came under attack at
    dawn from al-Shabaab fighters who had crossed the river during the night"), or in a
    participle that says what befell some people ("On Tuesday, gunmen believed to be relatives
    of the cattle keepers killed on Monday attacked a homestead")."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    node, cue = span.root, doc[cue_token]
    through_a_noun = False
    while node.head.i != node.i:
        node = node.head
        if node.i == cue.i:
            return through_a_noun
        through_a_noun = through_a_noun or node.pos_ in ("NOUN", "PROPN")
    if _relative_clause_without(span, cue_token) is not None:
        return True
    return any(
        t.dep_ == "acl"
        and t.tag_ == "VBN"
        and _those_it_befell(t.head)  # not "the agreement reached yesterday": the cue's own
        and not t.left_edge.i <= cue_token <= t.right_edge.i
        for t in span.root.ancestors
    )


def _those_it_befell(noun: Token) -> bool:
    """People, a count or things in the plural that a participle says what befell ("the cattle
    keepers killed on Monday", "the seven killed", "the villages shelled"); not one thing named
    by an act done to it ("the agreement reached yesterday", "a shot fired by an officer")."""
    return is_person(noun) or noun.like_num or noun.tag_ in ("NNS", "NNPS")


def _outside_its_participle(d: DateMention, doc: Doc, cue_token: int) -> bool:
    """ "Relatives of the seven killed at the camp buried them on Tuesday", "the families of the
    four murdered workers were waiting on Friday": a cue in a participle that says what befell
    some people names them by an event (told before, or not); a day outside the participle is
    the day of what the sentence tells of them."""
    cue = doc[cue_token]
    if cue.dep_ == "amod" and not (
        _definite(cue.head) and any(c.dep_ == "nummod" for c in cue.head.children)
    ):
        return False  # "the four murdered workers" were told before; "two murdered men" not,
        # nor is "their injured colleague" what the sentence tells ("… marched for their …")
    if cue.dep_ not in ("acl", "amod") or cue.tag_ != "VBN":
        return False
    if not (is_person(cue.head) or cue.head.like_num):
        return False  # (not "a convoy of trucks, escorted by the army, reached Djibo")
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or cue.left_edge.i <= span.root.i <= cue.right_edge.i:
        return False
    # (a heading with no verb of its own, "Friday: a leader killed near Barillas", tells the
    # participle's day; "were buried on Monday" is a finite verb too)
    return _finite(governing_verb(span.root))


def _finite(verb: Token) -> bool:
    """A verb with a tense of its own: "buried", "bury", "were buried" (not a bare participle)."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") or any(
        a.dep_ in ("aux", "auxpass") and a.tag_ in ("VBD", "VBZ", "VBP", "MD")
        for a in verb.children
    )


def _outside_its_victims(d: DateMention, doc: Doc, cue_token: int) -> bool:
    """ "On Sunday, the victims of the village attack were buried", "families of the victims of
    Tuesday's ambush marched on Monday", "the attack victims were buried": an event told before
    (a definite noun) that names people by what befell them; a day outside those people's words
    is the day of what the sentence tells of them, not the event's."""
    cue = doc[cue_token]
    if cue.pos_ != "NOUN" or not _definite(cue) and not any(c.dep_ == "poss" for c in cue.children):
        return False
    people = cue.head.head if cue.dep_ == "pobj" and cue.head.lower_ == "of" else cue.head
    if cue.dep_ not in ("pobj", "compound") or people.i == cue.i or not is_person(people):
        return False
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    return span is not None and not people.left_edge.i <= span.root.i <= people.right_edge.i


def _relative_clause_without(span: Span, cue_token: int) -> Token | None:
    """The relative clause a date's words stand in when the cue stands outside it."""
    clause = next((t for t in span.root.ancestors if t.dep_ == "relcl"), None)
    if clause is None or clause.left_edge.i <= cue_token <= clause.right_edge.i:
        return None
    return clause


def _in_a_clause_of_its_own(d: DateMention, doc: Doc, cue_token: int) -> bool:
    """ "local fighters - former rebels who signed reconciliation deals in 2018 - took over three
    checkpoints on Thursday": a year or a month inside a relative clause about people dates
    what that clause tells of them, not an event told outside it (a day there may: "police
    broke up a rally of people who had blocked a road on Saturday")."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or d.precision == 1:
        return False
    clause = _relative_clause_without(span, cue_token)
    # of people ("who", "whose"), not "Vovchansk, where troops repelled assaults on Monday"
    return clause is not None and any(t.lower_ in ("who", "whom", "whose") for t in clause.children)


def _day_of_another(d: DateMention, doc: Doc, cue_token: int) -> bool:
    """ "A second day of protests against Sunday's election": a day in the possessive is the
    day of its own noun, and dates the cue's event only when that noun is the cue, its head or
    an argument of it ("Sunday's attack", "Sunday's blast killed five") or the occasion it
    happened at ("fired tear gas at Sunday's rally"), whatever preposition the date's words
    took with them ("angry over Friday's deaths": Friday's are the deaths'). So is a day given
    with "of" to what the event was for or to people it tells of ("arrested for the violence
    of the weekend", "tracked the attackers of Saturday"), and one given to what it came
    after ("After the change of government on Tuesday, demonstrations took place")."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return False
    day = next((t for t in span if t.dep_ == "poss"), None)
    owner = day.head if day is not None else _owner_of(span)
    if owner is None:
        return False
    cue = doc[cue_token]
    if day is not None and _names_its_suspect(owner, cue):
        return True
    if owner.i in (cue.i, cue.head.i) or owner.left_edge.i <= cue.i <= owner.right_edge.i:
        return False
    if day is None and not (
        _of_the_cue_s_preposition(owner, cue) or is_person(owner) or _what_it_is_about(owner)
    ):
        # "condemned the street violence of Saturday night in Bilbao, where hooded youths set
        # fire to two buses": a day given with "of" is another noun's only when that noun
        # is what the cue's event was for, against or after ("arrested for the violence of
        # the weekend") or people it tells of ("tracked the attackers of Saturday")
        return False
    if (
        day is not None
        and day.i < cue.i
        and (cue.pos_ == "NOUN" or cue.tag_ == "VBG")
        and all(t.pos_ in _NOUN_PHRASE for t in doc[day.i + 2 : cue.i])
    ):
        return False  # "from Tuesday's market shelling", however the parser hangs "market"
    if owner.dep_ == "pobj" and owner.head.lower_ in _OCCASION_PREPS:
        return owner.head.head.i not in (cue.i, cue.head.i, governing_verb(cue).i)
    return not (owner.head.i == cue.i and owner.dep_ in ("nsubj", "nsubjpass", "dobj"))


def _names_its_suspect(owner: Token, cue: Token) -> bool:
    """ "Police shot dead the suspected gunman in Monday night's attack … on Tuesday morning",
    "arrested a suspect in Saturday's bombing": the day's noun names who the act befell (the
    person right before its "in"), however the parser hangs it; the act is another day's."""
    prep = owner.head
    if owner.dep_ != "pobj" or prep.lower_ != "in" or prep.i == 0:
        return False
    person = cue.doc[prep.i - 1]
    return (
        is_person(person)
        and person.head.i == cue.i
        and person.dep_ in ("dobj", "nsubjpass")
        and prep.head.i in (cue.i, person.i)
    )


def _owner_of(span: Span) -> Token | None:
    """The noun a day given with "of" belongs to ("the violence of the weekend"), unless it
    only places in time ("the early hours of Saturday": date_words.yaml time_of_parts); the
    noun a day is given to after "after", "before" or "following" ("After the change of
    government on Tuesday, demonstrations took place": the change's day, not theirs)."""
    for t in span:
        if t.dep_ != "pobj" or t.head.dep_ != "prep" or t.head.head.pos_ != "NOUN":
            continue
        noun = t.head.head
        if span.start <= noun.i < span.end:
            continue  # the day's own word: "the 12th of October"
        if noun.lemma_.lower() in _TIME_OF_PARTS:
            return None  # ("before dawn on Saturday": the time of the event's own day)
        if t.head.lower_ == "of":
            return noun
        if noun.dep_ == "pobj" and noun.head.lower_ in _BEFORE_OR_AFTER:
            return noun
    return None


_BEFORE_OR_AFTER = frozenset(load_vocabulary("date_words")["before_or_after"])
_ABOUT_WORDS = frozenset(load_vocabulary("date_words")["about_words"])


def _day_of_what_it_is_about(d: DateMention, doc: Doc) -> bool:
    """A day given with "of" to what an act is about (`_what_it_is_about`)."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    owner = _owner_of(span) if span is not None else None
    return owner is not None and _what_it_is_about(owner)


def _what_it_is_about(owner: Token) -> bool:
    """Whether a noun given a day with "of" is what the act or its doers are about: "Police
    investigating the attack of 15 July arrested two men on Monday", "arrested in connection
    with the riot of 15 July" (the day is the attack's, not the arrests')."""
    head = owner.head
    if owner.dep_ == "dobj" and head.tag_ == "VBG" and head.dep_ != "pcomp":
        # the doers' participle: "Gardaí investigating the violent disorder of 15 July
        # arrested two men" (however the parser hangs "arrested" from it)
        return True
    return (
        owner.dep_ == "pobj"
        and head.lower_ in ("with", "to")
        and head.head.lemma_.lower() in _ABOUT_WORDS
    )


def _of_the_cue_s_preposition(owner: Token, cue: Token) -> bool:
    """Whether a noun is the object of a preposition the cue's word or verb takes."""
    return (
        owner.dep_ == "pobj"
        and owner.head.dep_ == "prep"
        and owner.head.head.i in (cue.i, cue.head.i, governing_verb(cue).i)
    )


_TIME_OF_PARTS = frozenset(load_vocabulary("date_words")["time_of_parts"])
_OCCASION_PREPS = frozenset({"at", "during", "in"})
_NOUN_PHRASE = frozenset({"NOUN", "PROPN", "ADJ"})


_TIME_RELATIONS = frozenset({"after"})
_DAYS_LONG = frozenset({"day", "week", "month"})  # "a day and a half after", "two weeks after"


# An act told in the present perfect at this many places or more, with no day in its sentence,
# tells how far something has spread ("Rallies have been reported in Batumi, Kutaisi, Zugdidi,
# Gori and smaller towns"), no event of a day at each; with a day it is one event per place
# ("Russian forces have shelled Kherson, Nikopol and Marhanets overnight")
SPREAD = 3


def _perfect(verb: Token) -> bool:
    """Whether a verb is in the present perfect ("have been reported", "has spread")."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.tag_ in ("VBP", "VBZ")
        for c in verb.children
    )


def time_clause(cue: Token) -> tuple[int, int] | None:
    """The character span of the clause that holds the cue when "after", with days or weeks
    before it, opens it and it has a subject of its own ("Hundreds marched on Thursday, a day
    and a half after a car bomb exploded"): its event came days before the day its sentence
    tells, and only a day inside the clause dates it. "Surrounded the university after
    students gathered" is the same day's; so is "looted on Sunday evening before it was set on
    fire", and "killed seven men, before setting fire to twelve houses"."""
    node = cue
    for _ in range(6):
        mark = next(
            (c for c in node.children if c.dep_ == "mark" and c.lower_ in _TIME_RELATIONS), None
        )
        if node.pos_ in ("VERB", "AUX") and mark is not None:
            before = node.doc[max(mark.i - 6, node.sent.start) : mark.i]
            days = any(t.lemma_.lower() in _DAYS_LONG for t in before)
            if days and any(c.dep_ in ("nsubj", "nsubjpass") for c in node.children):
                return node.left_edge.idx, node.right_edge.idx + len(node.right_edge)
            return None
        if node.head.i == node.i or node.dep_ in ("ROOT", "ccomp", "conj"):
            return None
        node = node.head
    return None


def _weeks_before(sent: Span, clause: tuple[int, int]) -> bool:
    """Whether a time clause of the sentence (`time_clause`) puts its event weeks or months
    before the sentence's ("six weeks after rebels were driven out of the capital")."""
    mark = next((t for t in sent if t.idx >= clause[0] and t.lower_ in _TIME_RELATIONS), None)
    if mark is None:
        return False
    before = sent.doc[max(mark.i - 6, sent.start) : mark.i]
    return any(t.lemma_.lower() in ("week", "month") for t in before)


_DAYS_APART = re.compile(
    r"(?i)(?:a|one|two|three|four|five|six|\d) (?:day|month|year)s? (?:after|before)"
)


def _day_of_what_came_before(
    d: DateMention, told: list[DateMention], cue_char: int, sent: Span
) -> bool:
    """ "On Tuesday, a day after the raid on Satunjira, gunmen attacked a police post": "a day
    after" dates the raid its clause tells, and the sentence's event is Tuesday's. It dates
    the cue only when the cue is in its clause, up to the next comma ("…, a day after two
    soldiers were killed")."""
    if not _DAYS_APART.fullmatch(d.text) or not any(t.end <= d.start for t in told):
        return False
    end = doc_text(sent.doc).find(",", d.end, sent.end_char)
    return not d.start <= cue_char < (sent.end_char if end < 0 else end)


@dataclass(frozen=True)
class ToldBefore:
    """What a sentence's paragraph told before it, for an event sentence that does not say:
    the last day of an event (a factual date, not a statement's, not background:
    `BACKGROUND_DAYS`) and the last site named ("gunmen stopped a bus outside Kafanchan.
    Three passengers were shot dead."; None after a sentence that lists several)."""

    day: DateMention | None = None
    place: Place | None = None
    day_at: int = -1  # the index of the sentence that told each
    place_at: int = -1
    # the one town the story named before it, in any paragraph; its dateline's before it names
    # one; its headline's one town once it named two (else None)
    only: Place | None = None
    headed: bool = False  # `place` is the heading's over the paragraph, no sentence's
    # the town the story named most so far (`_most_named`): where its crowds gathered
    main: Place | None = None


def told_before(story: StoryFacts) -> list[ToldBefore]:
    """For each sentence of a story, what its paragraph told before it (`ToldBefore`)."""
    doc, dates, since, text = story.doc, list(story.dates), news_since(story), story.text
    out: list[ToldBefore] = []
    told, paragraph = ToldBefore(), -1
    stamps = [d for d in dates if d.stamp]  # a log's days: each dates the entries under it
    only: Place | None = None
    named_times: Counter[str] = Counter()  # how often it named each town
    sites_by: dict[str, Place] = {}
    main: Place | None = None  # the town it named most (`_most_named`)
    dateline = story.dateline
    headings = {h.paragraph: h for h in story.headings}
    headline_town: Place | None = None
    areas: set[str | None] = set()  # the regions it named before it names a town
    for facts in story.sentences:
        if facts.paragraph != paragraph:
            k = bisect_left(stamps, facts.sent.start_char, key=_start)
            stamp = stamps[k - 1] if k and facts.sent.start_char < stamps[k - 1].scope_end else None
            # a heading's place and day ("2. BUKAN — Tuesday 22 November") over its paragraph
            heading = headings.get(facts.paragraph)
            if heading is None:
                told = ToldBefore(day=stamp)
            else:
                told = ToldBefore(day=heading.day or stamp, place=heading.place, headed=True)
            paragraph = facts.paragraph
        if named_times:
            # once it named two, the one town of its headline ("Muslims shelter in Bangassou
            # mosque after militia attack … helicopters had been sent from Bangui … On Sunday,
            # someone threw a grenade over the wall"): the town the story is about
            one = only if len(named_times) == 1 else headline_town
        else:
            # before the story names a place, its dateline's town is the one, in a sentence
            # that names no other ("MONTEVIDEO - … Police said on Friday that they had arrested
            # 25 people in early morning raids"; not "KABUL - … a patrol in Sar Kani district",
            # nor "COTONOU - … a raid on a village in northern Benin. The attackers arrived …")
            areas |= {p.name for p in facts.sites if p.kind in _AREAS}
            named = {p.name for p in facts.sites if p.kind in SITE_KINDS}
            one = None
            if dateline is not None and facts.sent.end_char > dateline.start:
                alone = named <= {dateline.name} and areas <= {dateline.admin1}
                one = dateline if alone else None
        out.append(replace(told, only=one, main=main))
        inside = _inside(facts.sent, dates)
        days = [
            d
            for d in inside
            if date_is_factual(d, doc)
            and not _dates_statement(d, doc)
            and not _long_before(d, since)
            # "on Friday, August 25, two days after the vote": the vote's day, not the one told
            and not _day_of_what_came_before(d, inside, -1, facts.sent)
            # "Gardaí investigating the violent disorder of 15 July arrested two men": the
            # disorder's day, not the one the paragraph goes on telling ("Both were detained")
            and not _day_of_what_it_is_about(d, doc)
        ]
        if days:
            told = replace(told, day=days[-1], day_at=facts.index)
        claim = facts.claim  # "the health directorate in Puno said": where the speaker is
        scene = [p for p in facts.sites if claim is None or not claim.holds(p.start)]
        scene = scene or list(facts.origins)
        if scene:
            sites = listed_sites(scene, text)
            told = replace(
                told,
                place=sites[0] if len(sites) == 1 else None,
                place_at=facts.index,
                headed=False,
            )
            for site in scene:
                if site.kind in SITE_KINDS:
                    only = site
                    named_times[site.name] += 1
                    sites_by[site.name] = site
            main = _most_named(named_times, sites_by)
            if facts.sent.start_char < story.headline_end:
                own = {p.name: p for p in scene if p.kind in SITE_KINDS}
                headline_town = next(iter(own.values())) if len(own) == 1 else None
    return out


_AREAS = frozenset({"admin1", "region"})


def _most_named(times: Counter[str], sites: dict[str, Place]) -> Place | None:
    """The town a story names more often than any other, twice at least ("… the teachers'
    demonstrations in Curitiba and Ponta Grossa | Curitiba, Tuesday 26 May"): the town it
    is about, where a crowd it places nowhere else gathered."""
    top = times.most_common(2)
    if not top or top[0][1] < 2 or (len(top) > 1 and top[1][1] == top[0][1]):
        return None
    return sites[top[0][0]]


def news_since(story: StoryFacts) -> date | None:
    """The first day a story's events can be its news: `BACKGROUND_DAYS` before the story, or
    the first of the period a report says it covers when that is earlier ("During the
    reporting period, from 1 June to 30 September 2024"); None when it has no day."""
    if story.published is None:
        return None
    weeks = story.published - timedelta(BACKGROUND_DAYS)
    return weeks if story.period_start is None else min(weeks, story.period_start)


def _long_before(d: DateMention, since: date | None) -> bool:
    """A day before the story's news (`news_since`): background ("on Oct. 7 last year")."""
    return since is not None and d.date < since


def _inside(sent: Span, dates: list[DateMention]) -> list[DateMention]:
    """The dates inside a sentence, found by bisection in the story's (sorted by start, as
    `find_dates` gives them), not by a scan of them all for each sentence."""
    lo = bisect_left(dates, sent.start_char, key=_start)
    hi = bisect_left(dates, sent.end_char, lo, key=_start)
    return dates[lo:hi]


def _start(d: DateMention) -> int:
    return d.start


def _dates_statement(d: DateMention, doc: Doc) -> bool:
    """A date told of the report, not of the event ("Today, forces confirmed … Sunday")."""
    return _statement(d, doc) is not None


def _statement(d: DateMention, doc: Doc) -> Token | None:
    """The verb of saying a date tells the day of, None for a date of anything else."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None:
        return None
    token = span.root
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            break
        token = token.head
    if (
        token.lemma_.lower() in TELLING_VERBS
        # (not a noun a preposition or verb takes: "into a check post on the road on Monday")
        and not (token.pos_ in ("NOUN", "PROPN") and token.dep_ in ("pobj", "dobj", "compound"))
        and not dates_the_object(span, token)
    ):
        return token
    if (
        token.dep_ == "acl"
        and token.tag_ == "VBN"
        and token.head.lemma_.lower() in DOCUMENT_WORDS
        and not any(c.dep_ in ("nsubj", "aux") for c in token.children)
    ):
        # "in a statement signed by its spokesman on Saturday": the document's day (not "reports
        # that forces had killed five civilians on Thursday", a clause the noun reports)
        return token
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and before.lemma_.lower() in TELLING_VERBS
        and token.dep_ == "ccomp"
        and token.head.i == before.i
        and any(
            names_a_day(c)
            for c in token.children
            if not c.left_edge.i <= span.root.i <= c.right_edge.i
        )
    ):
        # "the army said on Monday its troops had pushed … on Sunday": a day right after the
        # verb of saying is its day, where the parse hangs it on the clause said beside the
        # clause's own day (with none, it may be the event's: "police said on Thursday they
        # had killed dozens")
        return before
    return None


def _of_another_statement(d: DateMention, doc: Doc, cue_token: int) -> bool:
    """ "Police at first said he died when protesters threw stones; the next day the district
    police said an inquiry had been opened": the day of a statement that does not tell the
    cue's event dates nothing of it."""
    return _statement(d, doc) is not None and _statement_telling(d, doc, cue_token) is None


def _statement_telling(d: DateMention, doc: Doc, cue_token: int) -> Token | None:
    """The verb of saying a date tells the day of, when what it says holds the cue's event."""
    verb = _statement(d, doc)
    if verb is None:
        return None
    cue = doc[cue_token]
    # (a semicolon ends the statement's reach, whatever the parse hangs across it)
    if cue not in verb.subtree or _part(doc, cue.idx, None) != _part(doc, verb.idx, None):
        return None
    return verb


def sentence_mention(
    story: StoryFacts,
    facts: SentenceFacts,
    cue_token: int,
    kind: EventType,
    told: list[ToldBefore] | None = None,
) -> Mention | None:
    """A mention of the event one sentence tells, its type decided elsewhere (by the coder),
    with the fields the rules read for any mention: who, where, when, the toll and the claim.
    None when the sentence's day lies far before the story (background). `told`: the story's
    `told_before`, when the caller asks for several of its sentences (else it is read here)."""
    sent = facts.sent
    found = _mentions_for(
        sent,
        facts.paragraph,
        kind,
        participants(sent, cue_token, list(facts.actors)),
        list(facts.sites),
        list(story.dates),
        [],
        story.text,
        True,
        news_since(story),
        (told or told_before(story))[facts.index],
    )
    if not found:
        return None
    mention = found[0]
    mention.tolls = list(facts.tolls) or toll_figures(sent)
    claim = facts.claim
    mention.claim = claim if claim is not None and claim.covers(sent.doc[kind.cue.head_i]) else None
    mention.unverified = facts.notice
    mention.index = facts.index
    return mention.frozen()
