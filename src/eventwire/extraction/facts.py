"""Sentence facts: what each sentence of a story says, read once; they decide nothing.

Per sentence: its cue words (background ones left out), its casualty figures, who it says
reports it and whether the claim is unverified, its actor phrases and the places that can be
an event's site. Per story: those sentences in order (quotations left out), every date
phrase, and where the headline ends. The stages after this one — mentions, story passes,
coding — read these records and never go back to the parse to find them again.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, replace
from datetime import date

from spacy.tokens import Doc, Span

from eventwire.data import load_vocabulary
from eventwire.extraction.actors import ActorPhrase, find_actor_phrases
from eventwire.extraction.attribution import Claim, find_claim, unverified_notice
from eventwire.extraction.cues import Cue, find_cues, labour_strike, with_places_taken
from eventwire.extraction.dates import (
    SENTENCE_WORD,
    DateMention,
    find_dates,
    heads_a_section,
    period_start,
)
from eventwire.extraction.factuality import is_background, within_set_aside
from eventwire.extraction.sites import (
    HEADING_WORDS,
    SITE_KINDS,
    is_dateline,
    is_origin,
    site_candidates,
)
from eventwire.extraction.tolls import TollFigure, states_a_running_toll, toll_figures
from eventwire.extraction.types import WEAPON_CATEGORIES
from eventwire.model import Place
from eventwire.nlp import doc_text, span_text

# Who speaks for others: the place they speak from is not the event's ("A military source
# in Pemba said …", "the Institute of Health Sciences in Dharan said": the hospital the hurt
# were brought to; a rights group, a ministry)
_SOURCES = frozenset(
    {
        *("source", "official", "officer", "spokesman", "spokesperson", "spokeswoman"),
        *("commander", "hospital", "institute", "clinic", "infirmary", "ministry", "agency"),
        *("observatory", "commission", "organisation", "organization", "group", "network"),
    }
)
_QUOTES = ("“", '"', "‘", "[")
# a transcript's speaker label ("[PRESENTER] In Ituango, the army reports …", "[REPORTER]"):
# the words after it are the broadcast's own, not an editor's bracketed note
# ... or a post's source in a compilation of posts ("[Radio Beni page] Monday 3 March, 9:15 am -
# Gunmen attacked …", closed on its line with the post's words after it)
SPEAKER_LABEL = re.compile(r"\s*\[(?:[A-Z][A-Z .'-]{1,30}\]\s*|[^\]\n]{1,60}\][^\S\n]*)\S")
# An event-data coder's note opens with the event's day, after the kind of event it is, if any:
# "On 28 December 2022, …", "Movement of forces: On 27 December 2022, …", "Around 23 November
# 2022 (week of), …", "19 April 2019. Security forces …"
_NOTE_OPENING = re.compile(
    r"(?:[A-Z][\w /-]{0,40}: )?"
    r"(?:(?:On|Around|Between|Since|As of|From)\b[^,.]{0,40}\d{4}|\d{1,2} [A-Z][a-z]+(?: \d{4})?\.)"
)


# Cue categories that qualify an event told in another clause of the sentence and name none:
# "took the town after the garrison withdrew" (types.py reads them)
QUALIFIERS = ("unopposed",)


@dataclass(frozen=True)
class SentenceFacts:
    """What one sentence says, with spans; no decision about events."""

    sent: Span
    index: int  # order among the story's sentences, quotations not counted
    paragraph: int
    cues: tuple[Cue, ...]  # event cue words, background ones left out
    # the cue words read as no event, each with why (negated, planned, a state that lasts …)
    set_aside: tuple[tuple[Cue, str], ...]
    # casualty figures (read only where there is a cue or a running toll)
    tolls: tuple[TollFigure, ...]
    claim: Claim | None  # who the sentence says reports it
    notice: tuple[int, int, str] | None  # "could not be independently verified"
    actors: tuple[ActorPhrase, ...]
    sites: tuple[Place, ...]  # places that can be an event's site, best first
    # towns people came or were sent from ("a party was dispatched from Bijapur"): no site of
    # the sentence's events, but the scene of what follows when the sentence names no other
    origins: tuple[Place, ...] = ()

    @property
    def deciding(self) -> list[Cue]:
        """The cues that can name an event's kind (a bare casualty word cannot)."""
        return [c for c in self.cues if c.category not in ("casualty", *QUALIFIERS)]

    @property
    def qualifying(self) -> list[Cue]:
        """The cues that say how the sentence's event went, in whichever clause they stand."""
        return [c for c in self.cues if c.category in QUALIFIERS]

    @property
    def casualty(self) -> list[Cue]:
        return [c for c in self.cues if c.category == "casualty"]


@dataclass(frozen=True)
class Heading:
    """The place (and day) a heading gives a paragraph under it."""

    paragraph: int
    # None: a heading of a day alone ("Communiqué No. 1,424 (Sunday 10 November)")
    place: Place | None
    day: DateMention | None = None


@dataclass(frozen=True)
class StoryFacts:
    """A story's sentence facts, its date phrases and its headline's end."""

    doc: Doc
    text: str
    published: date | None
    sentences: tuple[SentenceFacts, ...]
    dates: tuple[DateMention, ...]
    headline_end: int  # character offset; -1 when the story has no headline line
    note: bool  # told in the register of an event-data coder's note, not of news
    # the town of its dateline ("MONTEVIDEO - …"): where it was filed, no event's site, but
    # the story's one town until it names another (`mentions.told_before`)
    dateline: Place | None = None
    # the places that head paragraphs, by paragraph: a digest's datelines ("BUTEMBO - Police
    # fired tear gas …") and a section's heading line ("2. BARKIN LADI (Monday)"), the site of
    # the events under them that name none
    headings: tuple[Heading, ...] = ()
    # the first day of the period a report says it covers ("During the reporting period, from 1
    # June to 30 September 2024"): its events back to then are news (`dates.period_start`)
    period_start: date | None = None


def is_note(text: str) -> bool:
    """Whether a text is an event-data coder's note (ACLED's `notes`), by its opening."""
    return _NOTE_OPENING.match(text.lstrip()) is not None


def story_facts(doc: Doc, places: list[Place], published: date | None) -> StoryFacts:
    """The facts of every sentence of a parsed story."""
    text = doc_text(doc)
    starts = paragraph_starts(text)
    # each sentence is given the places inside it, found by position (in the geoparser's
    # order): time grows with the article, not with its sentences times its places
    by_start = sorted(range(len(places)), key=lambda i: places[i].start)
    place_starts = [places[i].start for i in by_start]
    dates = find_dates(text, published)
    since = period_start(text, published, dates)
    date_starts = [d.start for d in dates]
    sentences: list[SentenceFacts] = []
    for sent in doc.sents:
        said = span_text(sent)
        opens = said.lstrip()[:1]
        if (opens in _QUOTES and not SPEAKER_LABEL.match(said)) or _mostly_quoted(said):
            # a quotation is testimony, a bracket an editor's note: no event report (nor a
            # sentence between an event and its follow-up)
            continue
        lo = bisect_left(place_starts, sent.start_char)
        hi = bisect_left(place_starts, sent.end_char)
        inside = [places[i] for i in sorted(by_start[lo:hi])]
        facts = sentence_facts(sent, len(sentences), starts, inside, since or published)
        if (
            len(sentences) == 1  # under the title, before the body
            and not (facts.cues or facts.sites)
            and bisect_left(date_starts, sent.start_char) == bisect_left(date_starts, sent.end_char)
            and _header_line(sent)
        ):
            continue  # a release's header is not between its title and its lead
        sentences.append(facts)
    sentences = _labour_strikes(sentences, doc)
    datelines = [p for p in places if p.kind in SITE_KINDS and is_dateline(p, text)]
    end = headline_end(doc)
    in_order = [places[i] for i in by_start]
    sections = _sections(in_order, place_starts, dates, date_starts, starts, text, end)
    return StoryFacts(
        doc=doc,
        text=text,
        published=published,
        sentences=tuple(sentences),
        dates=tuple(dates),
        headline_end=end,
        note=is_note(text),
        period_start=since,
        dateline=datelines[0] if datelines else None,
        headings=tuple(
            sorted({**sections, **_headings(datelines, starts, text)}.values(), key=_first)
        ),
    )


def _labour_strikes(sentences: list[SentenceFacts], doc: Doc) -> list[SentenceFacts]:
    """Once a story has told a strike by workers ("transport unions began a national strike"),
    its bare "strike" with no weapon named is that strike, a protest, and no blow ("the strike
    paralysed Latacunga on Wednesday", "on the third day of the strike")."""
    if not any(labour_strike(c) for f in sentences for c in f.cues):
        return sentences
    out = []
    for f in sentences:
        if any(c.category in WEAPON_CATEGORIES for c in f.cues):  # a weapon named: a blow
            out.append(f)
            continue
        cues = tuple(
            replace(c, category="protest")
            if c.category == "strike" and c.lemma == "strike" and doc[c.head_i].pos_ == "NOUN"
            else c
            for c in f.cues
        )
        out.append(replace(f, cues=cues) if cues != f.cues else f)
    return out


def is_heading(sent: Span) -> bool:
    """A heading: a few words and no verb ("2. ARREST IN BACOLOD CITY", "Monday 2 August —
    Lashkar Gah"; the parser reads a capitalised heading's noun as a verb: "AMBUSH IN
    MAKILALA"), or a short line of its own with no full stop, whatever its verb ("Herder
    beaten in Gambissar", "Convoy stoned in Curepipe")."""
    words = [t for t in sent if t.is_alpha]
    if not 0 < len(words) <= 10:
        return False
    if all(t.is_upper for t in words) or not any(t.pos_ in ("VERB", "AUX") for t in sent):
        return True
    text = doc_text(sent.doc)
    line = sent.text.strip()
    return (
        sent.text.rstrip(" \t").endswith("\n")
        and (sent.start_char == 0 or text[sent.start_char - 1] == "\n")
        and "\n" not in line
        and heads_a_section(line)
    )


# The label of a summary box that lists a story's events before it tells them ("In brief: a
# post was overrun …; a roadside bomb killed two soldiers …", "KEY POINTS")
_SUMMARY_LABEL = re.compile(
    r"\s*(?:\d\.\s*)?(?:"
    + "|".join(re.escape(str(w)) for w in load_vocabulary("factuality")["summary_labels"])
    + r")\s*(?::|\n)",
    re.I,
)


def opens_a_summary(sent: Span) -> bool:
    """Whether a sentence opens a summary box ("In brief: …", "KEY POINTS\n- …"): its items
    are the story's events told ahead, each with no day but its own (neither the day of the
    paragraph before it, `mentions`, nor the lead's, `coding.record`)."""
    return _SUMMARY_LABEL.match(span_text(sent)) is not None


def _sections(
    places: list[Place],
    place_starts: list[int],
    dates: list[DateMention],
    date_starts: list[int],
    starts: list[int],
    text: str,
    headline: int,
) -> dict[int, Heading]:
    """The paragraphs under a heading line that holds one town and at most a time ("2. BARKIN
    LADI (Monday)", "Monday 2 August — outskirts of Lashkar Gah"), each with that town (and
    that day), up to the next heading line of any kind ("SITUATION OVERVIEW", "Reactions"), when
    two or more such lines make the story a series of sections. A line that says more
    ("ZAMFARA STATE POLICE COMMAND, GUSAU", "By our correspondent, KAYA") heads nothing as a
    town; one that holds one day and no town ("Military communiqué No. 1,424 (Sunday 10
    November)", "Further arrests, Monday 22 July") heads its paragraphs with that day, when two
    or more such lines make a series or the line is a numbered section's ("3. Incidents on
    polling day, Tuesday 16 September"); one alone is a release's day of issue."""
    heads: list[tuple[int, Place | None, DateMention | None, bool, bool]] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(text)
        line = text[start:end].strip()
        if start < headline or not line or len(line.split()) > 10 or line[-1] in ".!?":
            continue
        # (places and dates found by bisection, both sorted by start: time grows with the text)
        inside = places[bisect_left(place_starts, start) : bisect_left(place_starts, end)]
        days = dates[bisect_left(date_starts, start) : bisect_left(date_starts, end)]
        rest = text[start:end]
        for a, b in [(p.start, p.end) for p in inside] + [(d.start, d.end) for d in days]:
            rest = rest[: a - start] + " " * (b - a) + rest[b - start :]
        said = {w for w in re.findall(r"[^\W\d_]+", rest.lower()) if w not in HEADING_WORDS}
        towns = {p.name: p for p in inside if p.kind in SITE_KINDS}
        town = next(iter(towns.values())) if len(towns) == 1 and not said else None
        day = days[0] if len(days) == 1 else None
        # (a log entry's stamp dates its entry already: `DateMention.stamp`)
        day_alone = day is not None and not towns and not day.stamp
        heads.append((k, town, day, day_alone, _NUMBERED_SECTION.match(line) is not None))
    by_town = sum(town is not None for _, town, _, _, _ in heads) >= 2
    by_day = sum(day_alone for _, _, _, day_alone, _ in heads) >= 2
    numbered = any(day_alone and label for _, _, _, day_alone, label in heads)
    if not (by_town or by_day or numbered):
        return {}  # one such line is a release's place and day of issue ("Juba, 21 May 2016")
    out: dict[int, Heading] = {}
    for k, (first, town, day, day_alone, label) in enumerate(heads):
        after = heads[k + 1][0] if k + 1 < len(heads) else len(starts)
        if town is not None and by_town:
            out.update({p: Heading(p, town, day) for p in range(first + 1, after)})
        elif day_alone and (by_day or label):
            out.update({p: Heading(p, None, day) for p in range(first + 1, after)})
    return out


_NUMBERED_SECTION = re.compile(r"(?:\d{1,2}|[IVX]{1,4})[.)]\s")  # "3. Incidents on …", "IV. …"


def _first(heading: Heading) -> int:
    return heading.paragraph


def _headings(datelines: list[Place], starts: list[int], text: str) -> dict[int, Heading]:
    """The datelines that open paragraphs, by paragraph (the first of each: "DJUGU (ITURI) -"),
    when two or more paragraphs open with one: a digest of items, each headed by its place.
    (A story's one dateline says where it was filed: `told_before`.)"""
    out: dict[int, Heading] = {}
    for p in datelines:
        paragraph = bisect_right(starts, p.start) - 1
        if not text[starts[paragraph] : p.start].strip() and paragraph not in out:
            out[paragraph] = Heading(paragraph, p)
    return out if len(out) >= 2 else {}


def sentence_facts(
    sent: Span, index: int, starts: list[int], places: list[Place], news_from: date | None
) -> SentenceFacts:
    """The facts of one sentence; a clause set in a year before `news_from`'s (the report's
    day, or the first of the period it covers) is history."""
    doc = sent.doc
    found = [
        (c, is_background(c, doc, news_from))
        for c in with_places_taken(find_cues(sent), doc, places)
    ]
    aside = [(c, why) for c, why in found if why is not None]
    for i, (c, why) in enumerate(found):
        held = within_set_aside(c, doc, aside) if why is None else None
        if held is not None:
            found[i] = (c, f"{held[1]} (within '{doc[held[0].head_i].text}')")
    cues = [c for c, why in found if why is None]
    claim = find_claim(sent)
    actors = find_actor_phrases(sent)
    sites = [
        p
        for p in site_candidates(places, sent, actors, claim)
        if not _where_the_source_is(p, claim, doc)
    ]
    return SentenceFacts(
        sent=sent,
        index=index,
        paragraph=bisect_right(starts, sent.start_char) - 1,
        cues=tuple(cues),
        set_aside=tuple((c, why) for c, why in found if why is not None),
        tolls=tuple(toll_figures(sent)) if cues or states_a_running_toll(sent) else (),
        claim=claim,
        notice=unverified_notice(sent),
        actors=tuple(actors),
        sites=tuple(sites),
        origins=tuple(p for p in places if p.kind in SITE_KINDS and is_origin(p, doc)),
    )


# Words in quotation marks: a claim quoted under a label ('CLAIM 4: "The KNDF captured a
# military outpost in Loikaw on New Year's Day." - MISLEADING')
_QUOTED = re.compile(r"[“\"]([^”\"\n]{20,})[”\"]")


def _mostly_quoted(text: str) -> bool:
    """Whether most of a sentence is a quotation under a label ("CLAIM 4:"): words quoted to be
    checked, no event told. (A quotation a speaker is said to say, "The army said: "Armed
    groups attacked army positions …"", is the speaker's report.)"""
    quotes = list(_QUOTED.finditer(text))
    if not quotes or SENTENCE_WORD.search(text[: quotes[0].start()]):
        return False
    return sum(len(m.group(1)) for m in quotes) > 0.6 * len(text.strip())


def _header_line(sent: Span) -> bool:
    """A piece of a release's header: "ISAF Joint Command - Afghanistan", "2010-03-CA-043",
    "For Immediate Release", "NEWS RELEASE", "KABUL, Afghanistan (March 10) -". No word in
    lower case (`dates.SENTENCE_WORD`), where a sentence has its verbs and articles."""
    return SENTENCE_WORD.search(span_text(sent)) is None


def paragraph_starts(text: str) -> list[int]:
    """Where each paragraph (or line) of a text begins."""
    return [0] + [m.end() for m in re.finditer(r"\n\s*\n|\n", text)]


def headline_end(doc: Doc) -> int:
    """Where the headline ends (a first line with no full stop, a story after it), else -1."""
    text = doc_text(doc)
    first_line = text.split("\n", 1)[0].rstrip()
    if (
        not first_line
        or first_line.endswith((".", "!", "?"))
        or len(first_line) == len(text.rstrip())
    ):
        return -1
    return len(first_line)


def _where_the_source_is(place: Place, claim: Claim | None, doc: Doc) -> bool:
    """ "A military source in Pemba, the provincial capital, said …": the place an official
    or a source speaks from is not where the event was (residents of a town may be, though)."""
    if claim is None or not claim.holds(place.start):
        return False
    span = doc.char_span(claim.start, claim.end, alignment_mode="expand")
    return span is not None and span.root.lemma_.lower() in _SOURCES
