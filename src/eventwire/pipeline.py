"""The extraction pipeline: articles in, event records out, in one direction.

parse (spaCy, in batches) → places (geo) → sentence facts → mentions (linking) → story
passes → type (rules + trained coder, one coder call per batch) → coding (one record per
mention, with evidence) → repeats folded.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from itertools import islice, takewhile

from spacy.tokens import Doc

from eventwire.coding.record import code_event, place_at
from eventwire.coding.stage import Typed, type_stories
from eventwire.extraction.dates import DateMention, dateline_date, written_day
from eventwire.extraction.facts import StoryFacts, story_facts
from eventwire.extraction.mentions import Mention, find_mentions
from eventwire.extraction.sites import PLACE_RANK, SITE_KINDS
from eventwire.extraction.story import (
    by_the_story_s_striker,
    fold_repeats,
    story_day,
    story_passes,
    without_hauls,
    without_month_tellings,
    without_summaries,
)
from eventwire.geo import Geoparser, load_geoparser
from eventwire.geo.outlet import outlet_home
from eventwire.model import Article, Event, Place
from eventwire.nlp import doc_text, load_nlp, parse

BATCH_SIZE = 32


@dataclass(frozen=True)
class _Read:
    """One article up to its mentions: what the type stage and coding need."""

    article: Article
    story: StoryFacts
    mentions: list[Mention]
    fallback: Place | None  # the article's country, for an event that names no place
    headline_town: Place | None  # … once linked: the town its headline names (`headline_town`)
    story_day: DateMention | None  # for an event that tells no day: the lead's, else the dateline's


def extract_articles(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """Each article with the events read from it, parsed in batches with `nlp.pipe` (a text
    over spaCy's length limit in pieces, `eventwire.nlp.parse`)."""
    from eventwire.read.dateline import with_dateline_source

    coder = _load_coder_behind()
    nlp = load_nlp()
    geoparser = load_geoparser()
    if coder is not None:
        coder.join()
    articles = (with_dateline_source(a) for a in articles)  # "(Reuters)" when nothing else says
    parsed = parse(nlp, ((a.text, a) for a in articles), batch_size=BATCH_SIZE)
    while batch := list(islice(parsed, BATCH_SIZE)):
        read = [_read(doc, article, geoparser) for doc, article in batch]
        typed = type_stories([(r.story, r.mentions) for r in read])
        for r, mentions in zip(read, typed, strict=True):
            yield r.article, _records(r, mentions, geoparser)


def _load_coder_behind() -> threading.Thread | None:
    """The trained coder and its ONNX session loading in a thread, while this one loads spaCy's
    model and the gazetteer; None when they are loaded already or the rules type alone.

    The two mostly take turns rather than overlap: importing onnxruntime, reading the
    tokenizer's file and opening the session hold the GIL (a thread polling beside the
    session's opening stalled half the time). Opening it takes ~0.1 s since its graph is
    optimized at install time (`eventwire.coding.optimize`; ~0.3 s before). The caller joins
    the thread before the coder's first use (the loaders' caches are not thread-safe: a second
    call while the first runs would load a second copy).
    """
    from eventwire.coding.coder import load_coder
    from eventwire.coding.combine import MODE
    from eventwire.coding.embed import load_embedder

    if MODE == "rules" or load_embedder.cache_info().currsize:
        return None

    def load() -> None:
        try:
            load_embedder()
            load_coder()
        except Exception:  # raised again where the coder is first used, in the caller's thread
            pass

    thread = threading.Thread(target=load, name="eventwire-coder-load", daemon=True)
    thread.start()
    return thread


def extract_each(
    articles: Iterable[Article],
) -> Iterator[tuple[Article, list[Event] | Exception]]:
    """As `extract_articles`, and an article whose extraction fails comes with its error
    instead of its events while the rest of its batch goes on (the batch is retried one
    article at a time)."""
    articles = iter(articles)
    while batch := list(islice(articles, BATCH_SIZE)):
        try:
            results: list[tuple[Article, list[Event] | Exception]] = list(extract_articles(batch))
        except Exception:
            results = []
            for article in batch:
                try:
                    results.extend(extract_articles([article]))
                except Exception as err:
                    results.append((article, err))
        yield from results


def extract(
    text: str,
    published: date | str | None = None,
    source: str | None = None,
    article_id: str = "",
) -> list[Event]:
    """The events one article reports (`eventwire.extract`)."""
    from eventwire.read import validate_text
    from eventwire.read.articles import parse_day

    validate_text(text)
    if isinstance(published, str):  # "2022-03-14", "14 March 2022", "Mar 14, 2022"
        published = parse_day(published)
    article = Article(text=text, article_id=article_id, published=published, source=source)
    return next(extract_articles([article]))[1]


def _read(doc: Doc, article: Article, geoparser: Geoparser) -> _Read:
    places = geoparser.places(doc, outlet_home(article.url or article.source))
    focus = geoparser.focus_country(places)
    places = sorted(places + geoparser.references(doc, places), key=lambda p: p.start)
    # the day "today" and "yesterday" count from: the day the story was written
    issued = written_day(doc_text(doc), article.published)
    story = story_facts(doc, places, issued)
    mentions = story_passes(story, find_mentions(story))
    return _Read(
        article=article,
        story=story,
        mentions=mentions,
        fallback=story_place(story, focus, geoparser)
        or (geoparser.country_place(focus) if focus else None),
        headline_town=headline_town(story, focus, geoparser),
        story_day=story_day(story, mentions, dateline_date(story.text, issued)),
    )


def story_place(story: StoryFacts, focus: str | None, geoparser: Geoparser) -> Place | None:
    """The one place a story is about, for its events that name none: the sites its sentences
    name all lie in one first-level division of the article's country and name at most one
    town ("an operation in Panjwai district, Kandahar province, yesterday. The force also
    detained one suspected insurgent": Kandahar). A region stands at its seat, as ACLED codes
    it; a story of several places keeps the country (None here)."""
    sites = [f.sites[0] for f in story.sentences if f.sites]
    sites = [p for p in sites if focus and p.country_code == focus and p.kind != "country"]
    if not sites or len({p.admin1 for p in sites}) != 1:
        return None
    if len({p.name for p in sites if p.kind in SITE_KINDS}) > 1:
        return None
    best = min(sites, key=lambda p: (PLACE_RANK.get(p.kind, 6), p.start))
    if best.kind in ("admin1", "region"):
        best = geoparser.seat_place(best) or best
    return replace(
        best,
        start=-1,
        end=-1,
        geo_precision=max(best.geo_precision, 2),
        reason=f"the one place the story names: {best.reason}",
    )


_LISTED = re.compile(r"\s*(?:,|and|&|/)\s*(?:and\s+)?")


def headline_town(story: StoryFacts, focus: str | None, geoparser: Geoparser) -> Place | None:
    """The first place below the country that a story's headline names in the article's
    country ("Karachi counts its dead after Saturday of gunfire", "Kaga-Bandoro: attack on
    displacement site …"): the story is about it, so an event the story tells without a place
    of its own took place there, not anywhere in the country. A region stands at its seat."""
    if story.headline_end < 0 or focus is None:
        return None
    headline = takewhile(lambda f: f.sent.start_char < story.headline_end, story.sentences)
    named = [p for facts in headline for p in facts.sites if p.end <= story.headline_end]
    mine = [p for p in named if p.country_code == focus and p.kind != "country"]
    if not mine:
        return None
    first = mine[0]
    after = next((p for p in named if p.start > first.start), None)
    if after is not None and _LISTED.fullmatch(story.text[first.end : after.start]):
        return None  # "Operations in Kandahar, Helmand, Kunar": a list is about no one place
    return geoparser.seat_place(first) or first if first.kind in ("admin1", "region") else first


def _records(r: _Read, typed: list[Typed], geoparser: Geoparser) -> list[Event]:
    events = []
    for t in typed:
        mention = t.mention
        if mention.place is not None and mention.place.kind in ("admin1", "region", "country"):
            # ACLED codes an event known only to its region at the region's seat, and one known
            # only to its country at the national capital (geo_precision 3)
            mention = replace(mention, place=geoparser.seat_place(mention.place) or mention.place)
        events.append(code_event(mention, t.coded, r.article, r.fallback, r.story_day))
    sentences = len(r.story.sentences)
    folded = fold_repeats(without_hauls(events, r.story.text))
    kept = without_month_tellings(without_summaries(folded, sentences), sentences)
    # (every telling, one folded into another or a summary too, "aircraft struck dozens of
    # targets", may be what names the force)
    events = by_the_story_s_striker(events, kept)
    if r.headline_town is not None:
        for event in filter(_only_in_its_country, events):
            place_at(
                event,
                r.headline_town,
                r.story.text,
                "no place named with the event: the headline's",
            )
    return events


def _only_in_its_country(event: Event) -> bool:
    """Placed at its country only because it names no place (no words cited for it)."""
    unplaced = event.geo_precision is None or event.geo_precision >= 3
    return unplaced and not any(e.field == "location" for e in event.evidence)
