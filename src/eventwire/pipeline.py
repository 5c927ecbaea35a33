"""The extraction pipeline: parse → places → mentions → trained coder + rules → event records."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Span, Token

from eventwire.coding.coder import Decision, load_coder
from eventwire.coding.combine import MODE, CodedType, code_type, proposed_type
from eventwire.coding.record import VIOLENT, code_event
from eventwire.extraction.cues import Cue
from eventwire.extraction.dates import dateline_date
from eventwire.extraction.mentions import Mention, find_mentions, sentence_mention
from eventwire.geo import Geoparser, load_geoparser
from eventwire.model import Article, Event, Place
from eventwire.nlp import doc_text, load_nlp

BATCH_SIZE = 32
PROPOSE_SENTENCES = 12  # an event the rules missed is sought in the story's lead only


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
    dateline = dateline_date(doc_text(doc), article.published)
    events: list[Event] = []
    by_key: dict[tuple[object, ...], Event] = {}
    mentions = find_mentions(doc, places, article.published)
    coded_mentions = [
        (m, code_type(m.kind, d, _armed(m)))
        for m, d in zip(mentions, _decisions(mentions), strict=True)
    ]
    if not any(coded for _, coded in coded_mentions):
        coded_mentions = _proposed(doc, places, article)
    for mention, coded in coded_mentions:
        if coded is None:
            continue  # the coder reads no event in the clause: a disaster, a statement …
        if mention.place is not None and mention.place.kind in ("admin1", "region"):
            # ACLED codes an event known only to its region at the region's seat
            mention.place = geoparser.seat_place(mention.place) or mention.place
        event = code_event(mention, coded, article, fallback, dateline)
        key = _repeat_key(event)
        if key in by_key:
            _absorb(by_key[key], event)
            continue
        by_key[key] = event
        events.append(event)
    return events


def _decisions(mentions: list[Mention]) -> list[Decision | None]:
    """The coder's reading of each mention's sentence (one batch per article)."""
    if MODE == "rules" or not mentions:
        return [None] * len(mentions)
    return list(load_coder().decide([_told(m) for m in mentions]))


def _proposed(
    doc: Doc, places: list[Place], article: Article
) -> list[tuple[Mention, CodedType | None]]:
    """An article the rules find no event in: the sentence the coder is surest tells one."""
    if MODE == "rules":
        return []
    sentences = [s for s in list(doc.sents)[:PROPOSE_SENTENCES] if len(s) > 3]
    sentences = [s for s in sentences if s.text.lstrip()[:1] not in ('"', "“", "[")]
    if not sentences:
        return []
    decisions = load_coder().decide([s.text for s in sentences])
    sent, decision = max(zip(sentences, decisions, strict=True), key=lambda x: x[1].p_event)
    token = _cue_token(sent, decision)
    cue = Cue("coder", token.i, token.i + 1, token.text, token.lemma_.lower())
    coded = proposed_type(decision, cue)
    if coded is None:
        return []
    mention = sentence_mention(sent, token.i, coded.kind, places, article.published)
    return [(mention, coded)] if mention is not None else []


def _cue_token(sent: Span, decision: Decision) -> Token:
    """The word the coder's event hangs on: its likeliest verb, else the sentence's root."""
    doc = sent.doc
    for start, end, _ in decision.words:
        span = doc.char_span(sent.start_char + start, sent.start_char + end, "expand")
        if span is not None and span.root.pos_ == "VERB":
            return span.root
    return sent.root


def _told(mention: Mention) -> str:
    """The text the coder reads: the mention's sentence and any follow-up the rules joined to
    it ("Students marched … Police fired tear gas to disperse them.")."""
    doc = mention.sentence.doc
    end = max(
        [mention.sentence.end_char]
        + [doc[c.end - 1].idx + len(doc[c.end - 1]) for c in mention.cues]
        + [t.end for t in mention.tolls]
    )
    last = doc.char_span(end - 1, end, alignment_mode="expand")
    if last is not None:
        end = max(end, last.sent.end_char)
    return doc_text(doc)[mention.sentence.start_char : end]


def _armed(mention: Mention) -> bool:
    agent = mention.who.agent
    return agent is not None and agent.kind in ("military", "police", "armed_group")


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
