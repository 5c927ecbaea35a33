"""Story passes: corrections that need the whole story's mentions at once.

They run after linking, in this order: a note's shared toll is split; a violent clause that
never got its toll is dropped; vague clauses later in a story are dropped; a headline's events
give way to the story's telling of them, and an item heading's to its item's; an analyst's note
that opens with its kind is of that kind. `story_day` is the day for the events that tell none.
After coding, `without_hauls` drops arms taken in the operation just told,
`fold_repeats` makes one event of an event told twice, `without_summaries`
drops a long story's events that it places only in its country, `without_month_tellings` those
it knows only by their month, and `by_the_story_s_striker` gives a strike from afar with no
author named the one force the story names striking so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span

from eventwire.data import load_vocabulary
from eventwire.extraction.actors import unidentified_military
from eventwire.extraction.cues import Cue
from eventwire.extraction.dates import DateMention
from eventwire.extraction.facts import StoryFacts, opens_a_summary
from eventwire.extraction.factuality import date_is_factual
from eventwire.extraction.mentions import Mention
from eventwire.extraction.notes import write_note
from eventwire.extraction.tolls import CLAIM_NOUNS, FALSE_WORDS, REJECTING_VERBS
from eventwire.extraction.types import (
    BATTLES,
    PROTESTS,
    RIOTS,
    STRATEGIC,
    VAC,
    VIOLENT,
    EventType,
    note_label,
)
from eventwire.geo.names import fold
from eventwire.model import BORROWED_DAY, BORROWED_PLACE, Event, Evidence
from eventwire.nlp import doc_text, span_text

LEAD_END = 3  # sentence index: the headline, a dateline line and the lead tell a story's main event


def story_passes(story: StoryFacts, mentions: list[Mention]) -> list[Mention]:
    """The story's mentions after the article-level corrections."""
    doc = story.doc
    shared = _shared_among(story.text)
    if shared > 1:  # "Fatalities are split across three events.": this event has its share
        mentions = [
            replace(
                m,
                tolls=tuple(
                    replace(
                        t,
                        value=t.value // shared,
                        reason=f"{t.reason}; split among {shared} events",
                    )
                    for t in m.tolls
                ),
            )
            for m in mentions
        ]
    mentions = [m for m in mentions if not m.pending]
    mentions = [m for m in mentions if not _a_claim_called_false_next(m.sentence)]
    mentions = _without_vague(doc, mentions, story.headline_end)
    if story.headline_end >= 0:
        mentions = _without_headline_repeats(doc, mentions, story.headline_end)
    mentions = _without_tally_repeats(doc, mentions)
    mentions = _without_summary_repeats(story, mentions)
    for start, end, stop in _item_headings(story.text, story.headline_end, doc):
        mentions = _without_heading_repeats(doc, mentions, start, end, stop)
        mentions = _dated_by_the_item(doc, mentions, story.dates, start, end, stop)
    return _labelled(doc, mentions)


_FALSE = FALSE_WORDS | REJECTING_VERBS
_POINTING = frozenset({"these", "those", "this", "that", "such", "the"})


def _a_claim_called_false_next(sent: Span) -> bool:
    """A sentence that tells of reports or claims ("The Commission has noted reports on social
    media claiming that ballot boxes were burned in Dedza on Wednesday") whose next sentence,
    in its paragraph, calls them false or rejects them ("… has verified that these reports
    are false"): what they claimed did not happen, by the story's own account."""
    if not any(t.lemma_.lower() in CLAIM_NOUNS for t in sent):
        return False
    doc = sent.doc
    if sent.end >= len(doc) or "\n" in doc[sent.end - 1].text + doc[sent.end - 1].whitespace_:
        return False
    after = doc[sent.end].sent
    pointed = any(
        t.lemma_.lower() in CLAIM_NOUNS
        and any(c.dep_ == "det" and c.lower_ in _POINTING for c in t.children)
        for t in after
    )
    return pointed and any(t.lemma_.lower() in _FALSE for t in after)


# An item's heading inside a story: a line of a few words with no full stop over the
# paragraph it heads ("THREE SHOT DEAD AT PARTY IN JEREZ" on a front page, a round-up's
# "Drone drops explosive on house near Valparaiso")
_ITEM_HEADING = re.compile(
    r"^[^\S\n]*(?P<line>[^\n]*[^\s.!?:;,\n])[^\S\n]*\n(?=[^\S\n]*\S[^\n]{60,})", re.M
)
# or a wire story's section heading in capitals, a blank line above its section ("HANGU
# BLAST", "WEDNESDAY: ARRESTS")
_CAPITAL_HEADING = re.compile(
    r"^[^\S\n]*(?P<line>[^a-z\n]*[A-Z][^a-z\n]*[^\s.!?:;,\n])[^\S\n]*\n[^\S\n]*\n"
    r"(?=[^\S\n]*\S[^\n]{60,})",
    re.M,
)
HEADING_WORDS = (2, 16)
# or a round-up's item heading in a line of its own, blank lines above and below it ("IMO: Two
# policemen killed as gunmen torch Nkwerre division", "Six suspects arrested in Awka")
_SPACED_HEADING = re.compile(
    r"(?<=\n\n)[^\S\n]*(?P<line>[A-Z][^\n]*[^\s.!?:;,\n\"”’'])[^\S\n]*\n[^\S\n]*\n"
    r"(?=[^\S\n]*\S[^\n]{60,})"
)
# or run into its paragraph after its place and a colon, in a few words in lower case ("Zemio:
# attack on displacement site. On the morning of Tuesday 17 September, armed men …")
_PLACE_RUN_IN_HEADING = re.compile(
    r"^[^\S\n]*(?P<line>[A-Z][\w'’-]+(?:[^\S\n][A-Z][\w'’-]+){0,2}:[^\S\n]+[a-z][^\n.!?:;]{3,80})"
    r"\.[^\S\n]+(?=[A-Z])",
    re.M,
)
# or a report's numbered section heading over a blank line ("3. Enforced disappearance of a
# teacher in Naqadeh", "2.1 Clashes in Ouham-Pende")
_NUMBERED_HEADING = re.compile(
    r"^[^\S\n]*\d{1,2}(?:\.\d{1,2})*\.?[^\S\n]+(?P<line>[A-Z][^\n]{6,90}[^\s.!?:;,\n])[^\S\n]*\n"
    r"[^\S\n]*\n(?=[^\S\n]*\S[^\n]{60,})",
    re.M,
)
# or run into its item after its number, with no verb of its own ("3. Armed confrontation in
# Quevedo. On Thursday 18 January, a patrol …"; `_verbless`)
_RUN_IN_HEADING = re.compile(
    r"^[^\S\n]*\d{1,2}(?:\.\d{1,2})*\.?[^\S\n]+(?P<line>[A-Z][^\n.!?:;]{8,90})\.[^\S\n]+(?=[A-Z])",
    re.M,
)


def _without_heading_repeats(
    doc: Doc, mentions: list[Mention], start: int, end: int, stop: int
) -> list[Mention]:
    """An item's heading (`start`-`end`) announces the item below it (up to `stop`): its
    events with no day of their own give way to the item's, when the item tells any of their
    kind (`_akin`) at their place, at no place, or near it (`_told_near`) ("THREE
    SHOT DEAD AT PARTY IN JEREZ" over "Gunmen … shot dead three people on Saturday night").
    A heading that names no place ("WEDNESDAY 31 JULY: DETENTIONS" over "Intelligence officers
    detained the campaign coordinator for El Tocuyo at his home") gives way to the item's
    event of its kind wherever that is, its day or none. A heading that gives the day and a
    place ("2. Landmine attack in Eastern Samar (Monday, 15 June)") or a place the item does
    not ("1. Fighting near Randa" over "units advancing from Tadjourah met strong
    resistance"), or that the item's sentences went on to tell, is its item's record."""

    def at(m: Mention) -> int:
        return int(doc[m.kind.cue.start].idx)

    told = [m for m in mentions if end <= at(m) < stop]
    item = doc_text(doc)[end:stop]

    def named_there(m: Mention) -> bool:  # the heading names the mention's place
        return m.place is not None and start <= m.place.start < end

    def retold(m: Mention) -> bool:
        sites = {_site(t) for t in told if _akin(t, m)}
        if sites and not named_there(m):
            return True  # "WEDNESDAY 31 JULY: DETENTIONS": the item's place is the heading's
        return _site(m) in sites or None in sites or _told_near(m, told, item)

    return [
        m
        for m in mentions
        if not start <= at(m) < end
        or (m.dated and named_there(m))
        or not retold(m)
        # the item's sentences told it on as the heading's event ("2. ARREST IN BACOLOD
        # CITY. On Monday, 15 June, operatives … arrested …"): the heading's is the item's
        or (m.date is not None and end <= m.date.start < stop)
    ]


def _told_near(m: Mention, told: list[Mention], item: str) -> bool:
    """Whether the item tells the heading's event at a place of its own and names the
    heading's place only to say where that is, after "of" or "from" ("ISRAELI STRIKE NEAR
    BAALBEK" over "a drone struck a car near Britel, south of Baalbek"; not "LAKKI MARWAT
    BLAST" over a bomb "on the Lakki Marwat–Bannu road", nor "WEDNESDAY: ARRESTS" over a
    paragraph that tells the arrests in Luanda and a march in Huambo)."""
    return (
        m.place is not None
        and re.search(rf"\b(?:of|from)\s+{re.escape(m.place.text)}\b", item, re.I) is not None
        and any(_akin(t, m) and t.place is not None and t.place.geo_precision < 3 for t in told)
    )


def _akin(told: Mention, heading: Mention) -> bool:
    """Whether an item's event can be its heading's told again: of its type, or both violent
    ("FIVE DEAD IN GUN BATTLE" over an attack on a village), not the arrests a heading names
    over a paragraph that tells a march or looting (strategic developments share a type, not
    a kind)."""
    kinds = (told.kind.event_type, heading.kind.event_type)
    if STRATEGIC in kinds:
        return told.kind.sub_event_type == heading.kind.sub_event_type
    return kinds[0] == kinds[1] or all(k in VIOLENT for k in kinds)


# The colon of a tally: "… were marked by five incidents: ballots burned in Tepeaca, a
# gunfight near a polling station …" (not a clock's "10:32")
_TALLY_COLON = re.compile(r":\s")
_TALLY_WORDS = tuple(str(w) for w in load_vocabulary("factuality")["tally_words"])


def _without_tally_repeats(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A sentence that tallies the story's events after a colon (`_a_tally`: "To recap: the
    hospital was shelled yesterday; four soldiers were reported killed near the wells; …",
    "That is one fortnight: two rangers dead, a school burned, a grenade thrown", "Sunday's
    elections were marked by five serious incidents: ballots burned in one town, a gunfight in
    another, …") tells again what the story tells on its own: each item gives way to an event
    of its sub-type told outside the tally (one each: a tally names each item's kind), and is
    the record only of what the story tells nowhere else."""
    by_sentence: dict[int, list[Mention]] = {}
    for m in mentions:
        by_sentence.setdefault(doc[m.kind.cue.start].sent.start, []).append(m)
    tally = {id(m) for told in by_sentence.values() if _a_tally(doc, told) for m in told}
    return _items_give_way(mentions, tally, lambda told, item: True)


def _items_give_way(
    mentions: list[Mention], items: set[int], fits: Callable[[Mention, Mention], bool]
) -> list[Mention]:
    """`mentions` without the items (by id) of a tally or a summary box that another event
    tells: each item gives way to the first mention outside them of its kind (`_kin`) that
    `fits` it, one item for one told event."""
    outside = [m for m in mentions if id(m) not in items]
    dropped: set[int] = set()
    for m in mentions:
        if id(m) not in items:
            continue
        same = next((o for o in outside if _kin(o, m) and fits(o, m)), None)
        if same is not None:
            outside.remove(same)
            dropped.add(id(m))
    return [m for m in mentions if id(m) not in dropped]


def _kin(told: Mention, item: Mention) -> bool:
    """Whether an item can be the told event: of its sub-type, or, where both tell the same
    day in their own words, of a kind akin to it (`_akin`: "- Mon 26 June: SLPP and APC
    supporters fight in Kenema; one man killed" in a timeline, over the clash between the
    parties' supporters the story told as mob violence)."""
    if told.kind.sub_event_type == item.kind.sub_event_type:
        return True
    days = [_own_day(m) for m in (told, item)]
    return None not in days and days[0] == days[1] and _akin(told, item)


def _own_day(m: Mention) -> date | None:
    """The day a mention's own sentence, or its own line, tells ("- Mon 16 Sept: Clashes
    between … in Mzuzu", where the parse cuts the line after the day), None when it tells
    none."""
    own = m.date
    if own is None:
        return None
    if m.sentence.start_char <= own.start < m.sentence.end_char:
        return own.date
    text, at = doc_text(m.sentence.doc), m.sentence.doc[m.kind.cue.start].idx
    if own.start < at and "\n" not in text[own.start : at]:
        return own.date
    return None


# An item of a summary box: a line that opens with a bullet or a number ("- Three displaced
# people were killed …", "2) …")
_BULLET_LINE = re.compile(r"[-–—•*▪●·][^\S\n]|\d{1,2}[.)][^\S\n]")


def _without_summary_repeats(story: StoryFacts, mentions: list[Mention]) -> list[Mention]:
    """A summary box's items ("HIGHLIGHTS ¶ - Three displaced people were killed in an attack
    on the displacement site in Zemio on 17 September. ¶ - Two staff members were abducted
    near Zemio …", "In brief: …") tell ahead what the story then tells: each gives way to an
    event of its sub-type told outside the box at its place or its region, on its day if both
    tell one (one each), and is the record only of what the story tells nowhere else."""
    doc = story.doc
    boxes = _summary_boxes(story)
    if not boxes:
        return mentions

    def at(m: Mention) -> int:
        return int(doc[m.kind.cue.start].idx)

    inside = {id(m) for m in mentions if any(a <= at(m) < b for a, b in boxes)}
    return _items_give_way(mentions, inside, lambda o, m: _near(o, m) and _on_its_day(o, m))


def _on_its_day(told: Mention, item: Mention) -> bool:
    """Whether an item that tells its own day (in its own words, not the item's before it)
    tells the told event's, or tells none (an item with a day of its own does not give way
    to an event told with none)."""
    own = _own_day(item)
    return own is None or (told.date is not None and told.date.date == own)


def _near(told: Mention, item: Mention) -> bool:
    """Whether an item's place (or none) can be the told event's: the same point, the same
    region, a place the item names too ("around Bria and Ippy"), or no place on either side."""
    a, b = told.place, item.place
    if a is None or b is None or _site(told) == _site(item):
        return True
    if a.text in item.sentence.text:
        return True
    return a.admin1 is not None and a.admin1 == b.admin1


def _summary_boxes(story: StoryFacts) -> list[tuple[int, int]]:
    """Where each summary box runs: from its label ("HIGHLIGHTS", "In brief:",
    `facts.opens_a_summary`) through its own sentence and the bullet lines below it, all of
    one kind: a numbered line after dashed items ("1. Protest in Magas") heads a section."""
    text, out = story.text, []
    for f in story.sentences:
        if not opens_a_summary(f.sent):
            continue
        end = f.sent.end_char
        i = text.find("\n", f.sent.start_char) + 1 or len(text)
        numbered: bool | None = None  # whether the box's items are numbered, once one is read
        while i < len(text):
            j = text.find("\n", i)
            j = len(text) if j < 0 else j
            line = text[i:j].strip()
            if line and (not _BULLET_LINE.match(line) or numbered not in (None, line[0].isdigit())):
                break
            if line:
                numbered = line[0].isdigit()
            end = max(end, j)
            i = j + 1
        out.append((f.sent.start_char, end))
    return out


def _a_tally(doc: Doc, told: list[Mention]) -> bool:
    """Whether the mentions of one sentence are the items of a tally: all after a colon, in a
    list of three items or more, behind a clause with a tally word (factuality.yaml
    tally_words) and a verb (not a label, "Ouham-Pende: On 11 March, …", nor a clause the colon
    goes on to tell, "The protest ended where nobody had planned it: in the streets …")."""
    sent = doc[told[0].kind.cue.start].sent
    found = _TALLY_COLON.search(span_text(sent))
    if found is None:
        return False
    at, text = sent.start_char + found.start(), doc_text(doc)
    before = text[sent.start_char : at].lower()
    return (
        all(doc[m.kind.cue.start].idx > at for m in told)
        and len(re.findall(r"[,;]", text[at : sent.end_char])) >= 2
        and any(t.pos_ in ("VERB", "AUX") for t in sent if t.idx < at)
        and any(re.search(rf"\b{re.escape(w)}\b", before) for w in _TALLY_WORDS)
    )


def _dated_by_the_item(
    doc: Doc,
    mentions: list[Mention],
    dates: tuple[DateMention, ...],
    start: int,
    end: int,
    stop: int,
) -> list[Mention]:
    """A heading's event with no day of its own is of the first day its item tells ("4.
    Shelling of Goranboy district. On Tuesday 27 October, villages … were shelled"), not of
    the report's."""
    day = next((d for d in dates if end <= d.start < stop), None)
    if day is None:
        return mentions
    return [
        replace(m, date=day)
        if (m.date is None or m.date.of_statement) and start <= doc[m.kind.cue.start].idx < end
        else m
        for m in mentions
    ]


def _site(m: Mention) -> tuple[float | None, float | None] | None:
    """Where a mention is, as a point: "Ventanas" and its "El Paraiso neighbourhood" are one."""
    return (m.place.latitude, m.place.longitude) if m.place is not None else None


def _item_headings(text: str, headline_end: int, doc: Doc) -> list[tuple[int, int, int]]:
    """Each item heading below the headline: its start and end, and where its item ends (the
    next heading, or the text's end)."""
    after = max(headline_end, 0) + 1
    found = sorted(
        {
            (m.start("line"), m.end("line"))
            for m in [
                *_ITEM_HEADING.finditer(text, after),
                *_CAPITAL_HEADING.finditer(text, after),
                *_SPACED_HEADING.finditer(text, after),
                *_NUMBERED_HEADING.finditer(text, after),
                *(m for m in _RUN_IN_HEADING.finditer(text, after) if _verbless(doc, m)),
                # (a headline's participle reads as a past tense: "Bossangoa: market looted")
                *(
                    m
                    for m in _PLACE_RUN_IN_HEADING.finditer(text, after)
                    if len(m.group("line").split()) <= 7
                ),
            ]
            if HEADING_WORDS[0] <= len(m.group("line").split()) <= HEADING_WORDS[1]
        }
    )
    ends = [s for s, _ in found[1:]] + [len(text)]
    return [(s, e, stop) for (s, e), stop in zip(found, ends, strict=False)]


def _verbless(doc: Doc, m: re.Match[str]) -> bool:
    """Whether a run-in heading has no finite verb: "Attack on a police unit in Ventanas", not
    "Gunmen killed three farmers near Jos"."""
    span = doc.char_span(m.start("line"), m.end("line"), alignment_mode="expand")
    return span is not None and not any(t.tag_ in ("VBD", "VBZ", "VBP", "MD") for t in span)


def story_day(
    story: StoryFacts, mentions: list[Mention], dateline: DateMention | None
) -> DateMention | None:
    """The day for the story's events that tell none: that of the event its lead tells in
    its own words ("… shot dead nine people on Pemba on Saturday …" dates "In Chake Chake,
    police opened fire on protesters" further down), else the dateline's. The lead's event
    opens in the lead and its day is read there: from its headline and the lead below it
    ("Traders march in Mombasa ¶ … marched through Mombasa on Monday"), and whatever the
    sentences it took after the lead ("… an assault that took place yesterday afternoon. ¶
    At 1:40pm a man attacked … Five people were injured")."""
    opening = story.sentences[: LEAD_END + 1]
    lead_end = opening[-1].sent.end_char if opening else 0
    lead = next(
        (
            m
            for m in mentions
            if m.date is not None and m.date.start < lead_end and m.sentence.start_char < lead_end
        ),
        None,
    )
    if lead is not None and lead.date is not None:
        return replace(lead.date, reason=f"{BORROWED_DAY[1]}{lead.date.reason}")
    told = _day_of_a_death_in_the_lead(story, lead_end, {m.sentence.start_char for m in mentions})
    if told is not None:
        return replace(told, reason=f"{BORROWED_DAY[1]}{told.reason}")
    if dateline is not None:
        return replace(dateline, reason=f"{BORROWED_DAY[0]}{dateline.reason}")
    return None


def _day_of_a_death_in_the_lead(
    story: StoryFacts, lead_end: int, told: set[int]
) -> DateMention | None:
    """The day of a death the lead tells with no event of its own ("Girgis Fahmy, who … was
    killed on the desert road to the monastery on Friday 2 November, was buried …": an
    obituary's, a profile's lead): its sentence's first day, for the events the story then
    tells with none ("He was one of six pilgrims killed when gunmen opened fire …")."""
    for f in story.sentences:
        if f.sent.start_char >= lead_end:
            return None
        if f.casualty and f.cues == tuple(f.casualty) and f.sent.start_char not in told:
            days = [
                d
                for d in story.dates
                if f.sent.start_char <= d.start < f.sent.end_char and date_is_factual(d, story.doc)
            ]
            if days and days[0].precision == 1:
                return days[0]
    return None


def _vague(m: Mention, headline_end: int) -> bool:
    """A clause later in a story with no day, no site or region and no toll of its own ("the
    army has deployed troops", "talks were held"): too unspecific to be an event record. A
    movement or a change of a force told under a place borrowed from the sentences before it
    has no site of its own either ("armoured vehicles were deployed on main roads"); an act
    has ("Houses were burned by the gunmen", "The force detained several suspects")."""
    borrowed = m.place_reason in BORROWED_PLACE and m.kind.sub_event_type in _MOVES
    return (
        m.sentence.start_char > max(headline_end, 0)
        and m.index > 0
        and not m.dated
        and not m.tolls
        and (m.place is None or m.place.kind == "country" or borrowed)
    )


_MOVES = frozenset({"Change to group/activity", "Headquarters or base established", "Other"})


def _without_vague(doc: Doc, mentions: list[Mention], headline_end: int) -> list[Mention]:
    """Vague clauses dropped (a story's telling of its headline's event stays)."""
    # the story's telling of the headline's event is news, however vague ("two sides hold peace
    # talks" over "The latest negotiations, held by videoconference, …")
    announced = {
        (m.kind.event_type, m.kind.sub_event_type)
        for m in mentions
        if doc[m.kind.cue.start].idx < headline_end
    }
    kept = [
        m
        for m in mentions
        if not _vague(m, headline_end) or (m.kind.event_type, m.kind.sub_event_type) in announced
    ]
    return kept or mentions


_SHARED = re.compile(
    r"\bfatalities (?:are |were )?split (?:across|among|between|over) (\w+) events", re.IGNORECASE
)


def _shared_among(text: str) -> int:
    """The number of events a note shares the article's toll among when it gives no figure of its
    own ("Fatalities are split across three events."); 1 when there is none. A share is the
    conservative one (ACLED gives the remainder to the first events, and which is this is unsaid)."""
    m = _SHARED.search(text)
    if m is None:
        return 1
    word = m.group(1).lower()
    numbers = load_vocabulary("toll_words")["numbers"]
    return int(word) if word.isdigit() else int(numbers.get(word, 1))


def _labelled(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A note that opens with its kind ("Looting: On 9 June …") is of that kind."""
    label = note_label(doc_text(doc))
    if label is None or not mentions:
        return mentions
    event_type, sub, plover, end = label
    span = doc.char_span(0, end, alignment_mode="expand")
    cue = Cue("label", 0, span.end if span is not None else 1, doc_text(doc)[:end], "label")
    kind = EventType(event_type, sub, plover, cue, f"the note's label '{doc_text(doc)[:end]}'")
    return [replace(mentions[0], kind=kind), *mentions[1:]]


def _without_headline_repeats(doc: Doc, mentions: list[Mention], end: int) -> list[Mention]:
    """A headline announces what the story then tells: its events give way to the story's."""
    if end < 0:
        return mentions

    def in_headline(m: Mention) -> bool:
        # the parser often runs a headline and the lead into one sentence: the cue decides
        return doc[m.kind.cue.start].idx < end

    told = {m.kind.event_type for m in mentions if not in_headline(m)}
    # "Protesters storm parliament" over "… protesters who stormed parliament …, killing five":
    # the story's event, whatever type its own main cue gave it
    told_words = {
        c.lemma
        for m in mentions
        if not in_headline(m)
        for c in m.cues
        if c.category != "casualty" and doc[c.start].idx >= end
    }
    # "Five dead in shoot-out" over "Five men were killed … in a gun battle": the same dead
    told_dead = {n for m in mentions if not in_headline(m) for n in _deaths(m)}
    return [
        m
        for m in mentions
        if not in_headline(m)
        # a headline mention the lead went on to tell (index moved on) is the story's event,
        # unless the lead is in its own sentence and so told its own mentions
        or (
            not _dead(m) & told_dead
            and (
                (m.index > 0 and m.sentence.start_char + len(m.sentence.text.rstrip()) <= end)
                or (m.kind.event_type not in told and m.kind.cue.lemma not in told_words)
            )
        )
    ]


def _deaths(m: Mention) -> set[int]:
    """The death tolls a mention gives."""
    return {t.value for t in m.tolls if t.field == "fatalities" and t.value > 0}


def _dead(m: Mention) -> set[int]:
    """The death tolls a mention gives, when its deaths are all it tells ("Five dead in
    shoot-out": no cue word of its kind)."""
    return _deaths(m) if m.kind.cue.category == "casualty" else set()


LONG = 12  # sentences: a story longer than this tells where its events happened
PLACELESS = ("Agreement", "Other")  # talks, deals and aid convoys belong to no one place


# Strikes from afar whose author a story's side may be: a bomb planted or thrown is anyone's
_FIRED_FROM_AFAR = frozenset({"Air/drone strike", "Shelling/artillery/missile attack"})
_AIR = " Air Force"


def by_the_story_s_striker(told: list[Event], events: list[Event]) -> list[Event]:
    """An air or drone strike or shelling whose author the story does not name ("a strike on a
    car killed three men", "shells hit a street in Suzemka") is that of the one state force
    the story names striking from afar ("Israeli aircraft struck dozens of targets"), as
    ACLED codes the strikes of a war where one side has the aircraft or the guns; a story that
    names two such forces, or none, leaves it unidentified. Its actor1 cites the words that
    named that force. `told` are all the story's coded tellings, before any was folded into
    another or dropped as a summary ("Israeli aircraft struck dozens of targets" may be what
    names the force); `events` what the story keeps, returned."""
    named: dict[str, Evidence] = {}
    for e in told:
        if e.sub_event_type in _FIRED_FROM_AFAR and e.actor1 and e.actor1.startswith(_FORCES):
            cited = next((x for x in e.evidence if x.field == "actor1"), None)
            if cited is not None:
                named.setdefault(e.actor1.removesuffix(_AIR), cited)
    if len(named) != 1:
        return events
    [(side, cited)] = named.items()
    for e in events:
        if e.sub_event_type in _FIRED_FROM_AFAR and e.actor1 == unidentified_military():
            e.actor1 = side + (_AIR if e.sub_event_type == "Air/drone strike" else "")
            reason = f"no author named: the one force the story names striking from afar ({side})"
            e.evidence.append(
                Evidence("actor1", e.article_id, cited.start, cited.end, cited.text, reason)
            )
            e.notes = write_note(e)
    return events


_FORCES = "Military Forces of "


def without_summaries(events: list[Event], sentences: int) -> list[Event]:
    """A long story's events placed only in its country, with no toll of their own ("security
    forces have detained protesters across the country", "the army deployed troops") sum up or
    restate the events it places: where it places others, they are no event records of their
    own. (One with a toll is kept: an event the story tells but does not place.) Placed is in
    a first-level division, or at a town: a capital the gazetteer files under no division
    ("the security services arrested four men in Nouakchott") is a place."""
    if sentences <= LONG or not any(_placed(e) for e in events):
        return events
    return [
        e for e in events if _placed(e) or e.fatalities is not None or e.sub_event_type in PLACELESS
    ]


def without_month_tellings(events: list[Event], sentences: int) -> list[Event]:
    """A long story's events known only to their month ("last month they suffered heavy losses
    near the border", "armed youth overran the garrison in early March", "the agreement signed
    earlier this month"): where the story dates other events by their day, these are its
    background, the news before the news, and no event records of their own (on our labelled
    long stories, sets 1-33: 33 such records, none an event the labels code)."""
    if sentences <= LONG or not any(e.time_precision == 1 for e in events):
        return events
    return [e for e in events if e.time_precision != MONTH]


MONTH = 3  # ACLED's time_precision of an event known to its month


def _placed(event: Event) -> bool:
    """Placed below its country: in a first-level division, or at a town filed under none."""
    return event.admin1 is not None or not _unplaced(event)


def fold_repeats(events: list[Event]) -> list[Event]:
    """The same event told twice in a story: one event, more evidence. ACLED codes one event
    per kind, place and day (`_repeat_key`): "came under fire outside a house" and, later the
    same day in the same city, "gunmen attacked the housing complex where soldiers' families
    live" are one armed clash; a march that police break up is one protest, of the graver kind
    (`_GRAVITY`). An event told again with only its country or region for a place ("fighting …
    in Congo left four soldiers dead" after "rebels attacked an army post near Beni on
    Sunday"), or with a place borrowed from the sentences before it, is that event; a place
    handed over where a side took it that day is that taking (`_without_handovers`)."""
    kept: list[Event] = []
    by_key: dict[tuple[object, ...], list[Event]] = {}
    for event in events:
        told = by_key.setdefault(_repeat_key(event), [])
        first = next((e for e in told if _same_day(e, event)), None)
        if first is None:
            told.append(event)
            kept.append(event)
        elif _GRAVITY.get(event.sub_event_type, 0) > _GRAVITY.get(first.sub_event_type, 0):
            _absorb(event, first)  # the graver telling is the event; it keeps its place in order
            told[told.index(first)] = kept[kept.index(first)] = event
        else:
            _absorb(first, event)
    kept = _without_handovers(kept)
    placed = [e for e in kept if not _unplaced(e) and not _borrowed_place(e)]
    out: list[Event] = []
    for event in kept:
        same: list[Event] = []
        if _borrowed_place(event):
            same = [p for p in placed if _same_telling(p, event) and p.location == event.location]
            # … or at another place of its region, told with its own place and day: a post or a
            # recap that retells an event under the place the story or its paragraph named
            # before ("Rueso: a grenade was thrown over the fence" after a post on explosions at
            # a ranger base, placed at the province's town). (Two towns' riots of one day in a
            # region as wide as England are then one: measured, 34 such folds in own sets 1-46,
            # two of them events of their own.)
            same = same or [
                p
                for p in placed
                if _same_telling(p, event)
                and event.admin1 is not None
                and _own_place(p)
                and _has_own_day(p)
            ]
        if not same and _unplaced(event):  # (a region borrowed too: "… in Dhi Qar" before)
            same = [p for p in placed if _same_telling(p, event)]
        if not same and not _own_place(event):
            same = [p for p in kept if _same_toll(p, event)]
        if not same:
            same = [p for p in kept if _sums_up(event, p)]
        if len(same) == 1 or (same and _has_own_day(event)):
            _absorb(same[0], event)
            continue
        named = next((p for p in out if _at_the_region_s_namesake(p, event)), None)
        if named is not None:  # the headline's "Bryansk border raid", then the village
            _absorb(event, named)
            out[out.index(named)] = event
            continue
        placed_at = next((p for p in kept if _at_the_region_s_namesake(event, p)), None)
        if placed_at is not None:
            _absorb(placed_at, event)
            continue
        if same and _unplaced(event):
            # "In the five days around the polls, a barangay chairman was shot dead …, a
            # suspect died in a gunfight at a checkpoint …" with no day or town of its own,
            # where the story tells several such events in the region by day and town: their
            # summary, none of them alone (its words stay cited by no record)
            continue
        out.append(event)
    return out


# what a story's operation is, that arms taken with it are its haul: a fight, an attack, a riot,
# a protest or arrests (not a strike from afar: "a drone was shot down" is an act of its own)
_OPERATIONS = (BATTLES, VAC, RIOTS, PROTESTS)
_DISRUPTIONS = tuple(str(w) for w in load_vocabulary("linking")["disruptions_of_their_own"])


def without_hauls(events: list[Event], text: str) -> list[Event]:
    """Arms taken in the operation the story has just told, in a sentence that names no place
    or day of its own ("The Military Police seized a rifle and two revolvers at the scene"
    after an exchange of gunfire near Potiraguá on Tuesday; "Weapons, ammunition and explosives
    were recovered" after a raid) are its haul: ACLED codes the fight or the arrests, not a
    weapons seizure too (their words stay cited by no record). A device defused or made safe,
    a drone shot down or a cache found is an act of its own (linking.yaml
    disruptions_of_their_own), and so is a seizure told with its own day ("Also on Wednesday,
    police stopped a car … and seized petrol bombs")."""
    operations = [
        p
        for p in events
        if not _unplaced(p)
        and not _borrowed_place(p)
        and (p.event_type in _OPERATIONS or p.sub_event_type == "Arrests")
    ]

    def a_haul(event: Event) -> bool:
        cue = next((e for e in event.evidence if e.field == "event_type"), None)
        day = next((e for e in event.evidence if e.field == "event_date"), None)
        words = [e.text.lower() for e in event.evidence if e.field == "event_type"]
        return (
            event.sub_event_type == "Disrupted weapons use"
            and _borrowed_place(event)
            and cue is not None
            and (day is None or _SENTENCE_END.search(text, day.end, cue.start) is not None)
            and not any(d in w for w in words for d in _DISRUPTIONS)
            and any(
                p.location == event.location and p.event_date == event.event_date
                for p in operations
            )
        )

    return [e for e in events if not a_haul(e)]


_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def _has_own_day(event: Event) -> bool:
    """Whether the event's day was read from its own words, not the report's (a day borrowed
    from the dateline or the lead, `Evidence.borrowed_day`, or the publication's, which cites
    nothing)."""
    return any(e.field == "event_date" and not e.borrowed_day for e in event.evidence)


def _borrowed_place(event: Event) -> bool:
    """Placed where the sentences before it were (`Evidence.borrowed_place`): "Two soldiers
    were killed" after "troops fought rebels at Akkarayankulam" is that fight told again."""
    return any(e.borrowed_place for e in event.evidence)


def _own_place(event: Event) -> bool:
    """Whether the event's place was read from its own words (not borrowed from the sentences
    before it, nor the story's fallback, which cites nothing)."""
    return any(e.field == "location" and not e.borrowed_place for e in event.evidence)


def _unplaced(event: Event) -> bool:
    """Placed only at its country or region (ACLED's geo_precision 3)."""
    return event.geo_precision is None or event.geo_precision >= 3


def _same_telling(placed: Event, event: Event) -> bool:
    """An event with no place of its own is `placed` told again: same kind, same day (or no day
    of its own: a headline's), and its country or region is the placed event's."""
    return (
        placed.sub_event_type == event.sub_event_type
        and (placed.plover == event.plover or None in (placed.plover, event.plover))
        and placed.event_date is not None
        and (placed.event_date == event.event_date or not _has_own_day(event))
        and placed.country == event.country
        and event.admin1 in (None, placed.admin1)
    )


def _at_the_region_s_namesake(named: Event, placed: Event) -> bool:
    """Whether `named`, placed at the town that shares its region's name, is `placed` told
    with the region's name: same kind, same day, same region, the same deaths ("saboteurs
    killed two civilians in Bryansk border raid", then "opened fire on a car near Klimovo,
    killing the driver and a passenger": the Bryansk region, not its city)."""
    return (
        named is not placed
        and named.admin1 is not None
        and fold(named.location or "") == fold(named.admin1)
        and fold(placed.location or "") != fold(named.admin1)
        and placed.admin1 == named.admin1
        and placed.sub_event_type == named.sub_event_type
        and placed.event_date == named.event_date
        and bool(named.fatalities)
        and placed.fatalities == named.fatalities
    )


def _same_toll(told: Event, event: Event) -> bool:
    """An event with no day or place of its own that gives the toll of one told with its own
    day, of the same kind, is that event summed up: a report's highlight ("At least 15
    civilians killed in an attack on Nasir town", Nasir unknown: placed at the dateline's town
    or in the country) before its body ("On 6 March, armed youth attacked Nasir town in Upper Nile,
    killing at least 15 civilians")."""
    return (
        told is not event
        and bool(event.fatalities)
        and told.fatalities == event.fatalities
        and told.sub_event_type == event.sub_event_type
        and told.country == event.country
        and _has_own_day(told)
        and not _has_own_day(event)
    )


def _sums_up(summary: Event, told: Event) -> bool:
    """A violent event dated only to a span that gives the toll of one told at its place on a
    day of that span is that event summed up, whatever kind each telling's words make it: a
    lead's "Fighting in Tambura at the end of August killed 12 people" before its body's "On
    Monday 30 August, SSPDF soldiers clashed with the militia in Tambura … 12 were killed"."""
    return (
        told is not summary
        and (summary.fatalities or 0) > 1
        and told.fatalities == summary.fatalities
        and {summary.event_type, told.event_type} <= set(VIOLENT)
        and told.location == summary.location
        and (summary.time_precision or 1) > (told.time_precision or 1)
        and _has_own_day(told)
        and _same_day(told, summary)
    )


_HANDED_OVER = "Non-violent transfer of territory"
_TAKEN = frozenset({"Government regains territory", "Non-state actor overtakes territory"})


def _without_handovers(events: list[Event]) -> list[Event]:
    """A place handed over on the day and at the place where a side took it is that taking,
    told from the side that left: "the army withdrew from the town" and "the rebels entered
    it" are one change of hands, coded as the side that took it (ACLED codes one event per
    place and day)."""
    takings = [e for e in events if e.sub_event_type in _TAKEN]
    kept = []
    for event in events:
        taking = None
        if event.sub_event_type == _HANDED_OVER:
            taking = next(
                (t for t in takings if t.location == event.location and _same_day(t, event)), None
            )
        if taking is None:
            kept.append(event)
        else:
            _absorb(taking, event)
    return kept


def _absorb(first: Event, again: Event) -> None:
    """`again` told `first` again: its day, toll and claim fill in what `first` lacks, and its
    count stands for a vague one ("Several armed men were killed", then "four men were killed
    when they each presented a threat")."""
    # no day yet, or only a span's ("on 8-11 July") where the retelling names its day
    closer = _has_own_day(again) and (
        (first.time_precision or 1) > (again.time_precision or 1) or not _has_own_day(first)
    )
    dated = _dated(first) and not closer
    if closer:
        first.evidence = [e for e in first.evidence if e.field != "event_date"]
    for e in again.evidence:
        if e.field == "event_type" or (e.field == "event_date" and not dated):
            first.evidence.append(replace(e, reason="reported again: " + e.reason))
    if not dated and any(e.field == "event_date" for e in again.evidence):
        first.event_date, first.time_precision = again.event_date, again.time_precision
    for toll, least in (("fatalities", "fatalities_min"), ("injuries", "injuries_min")):
        told, counted = getattr(first, toll), getattr(again, toll)
        vague = told is not None and getattr(first, least) != told
        if counted is not None and getattr(again, least) == counted and vague:
            first.evidence = [e for e in first.evidence if e.field != toll]
            told = None
        if told is None and counted is not None:
            setattr(first, toll, getattr(again, toll))
            setattr(first, least, getattr(again, least))
            first.evidence.extend(e for e in again.evidence if e.field == toll)
    if first.claimed_by is None and again.claimed_by is not None:
        first.claimed_by = again.claimed_by
        first.evidence.extend(e for e in again.evidence if e.field == "claimed_by")
    first.notes = write_note(first)


def _same_day(first: Event, again: Event) -> bool:
    """Whether two events of one kind at one place are on one day: ACLED codes one event per
    type, day and place, so a riot on Saturday night and another on Monday night in one town
    are two. An event with no day read from the text at all (a headline's talks, dated by the
    report) is any day's; one dated only by the report is any single day's."""
    if first.event_date == again.event_date or not (_dated(first) and _dated(again)):
        return True
    if not (_has_own_day(first) and _has_own_day(again)):
        # a teaser dated only by the report ("Our headlines: a farmer was injured by a mine in
        # Remedios") or by the span its lead covers ("- A man accused of theft beaten and
        # burned to death by residents in Soloma", under "this week") is the item that tells
        # its day ("… was injured on Monday"), not one told only to a span of its own ("last
        # week")
        return all((e.time_precision or 1) == 1 for e in (first, again) if _has_own_day(e))
    # a telling dated only to a span of days ("heavy fighting in Juba on 8-11 July", ACLED's
    # time_precision 2 or 3) is any day of that span: the fighting of 8 July told below
    reach = max(_SPAN_DAYS.get(e.time_precision or 1, 0) for e in (first, again))
    if reach == 0 or first.event_date is None or again.event_date is None:
        return False
    apart = date.fromisoformat(first.event_date) - date.fromisoformat(again.event_date)
    return abs(apart.days) <= reach


# how far from its day an event dated to a span may lie (its day is the span's middle)
_SPAN_DAYS = {1: 0, 2: 3, 3: 15}


def _dated(event: Event) -> bool:
    return any(e.field == "event_date" for e in event.evidence)


def _repeat_key(event: Event) -> tuple[object, ...]:
    """Events with equal keys in one article are one event told twice, if on one day
    (`_same_day`). ACLED codes one event per kind, place, day and pair of actors; neither the
    PLOVER class nor the actors are in the key, because the verb picks the class ("detained" is
    COERCE, "beat and detained" ASSAULT) and a clause that names no side gets a guess. A
    protest's kinds share a key: the graver one it turned into is the event."""
    kind = event.sub_event_type if event.event_type != "Protests" else None
    return (event.event_type, kind, event.location)


# ACLED codes a protest by the gravest thing that happened to it
_GRAVITY = {"Protest with intervention": 1, "Excessive force against protesters": 2}
