"""Merging mentions across articles: 16 same-event pairs and 16 near misses, and the rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from events import make_event
from eventwire.merge import (
    actors_compatible,
    dates_match,
    headline_figure,
    independent_reports,
    merge_events,
    merged_event,
    places_match,
)
from eventwire.model import Article, Event, Evidence
from merge_pairs import NEAR_MISSES, SAME, Pair


@pytest.fixture(scope="module")
def mentions() -> dict[str, tuple[list[Event], list[Event]]]:
    """Each pair's two articles run through the real extraction."""
    from eventwire.pipeline import extract_articles

    pairs = SAME + NEAR_MISSES
    articles = [
        Article(text=text, published=date.fromisoformat(day), source=outlet)
        for _, a, b in pairs
        for day, outlet, text in (a, b)
    ]
    results = [events for _, events in extract_articles(articles)]
    return {name: (results[2 * i], results[2 * i + 1]) for i, (name, _, _) in enumerate(pairs)}


def _one_each(pair: Pair, mentions: dict[str, tuple[list[Event], list[Event]]]) -> list[Event]:
    first, second = mentions[pair[0]]
    assert len(first) == 1 and len(second) == 1, "each report should hold one event"
    return first + second


@pytest.mark.parametrize("pair", SAME, ids=[p[0] for p in SAME])
def test_two_reports_of_one_event_merge(pair: Pair, mentions: dict) -> None:
    a, b = _one_each(pair, mentions)
    groups = merge_events([a, b])
    assert len(groups) == 1
    event = merged_event(groups[0])
    assert event.event_id == a.event_id  # the first mention's id is kept
    assert event.sources == [pair[1][1], pair[2][1]]
    assert independent_reports(groups[0]) == 2
    for field in ("fatalities", "injuries"):
        figures = [getattr(m, field) for m in (a, b) if getattr(m, field) is not None]
        assert getattr(event, field) == (min(figures) if figures else None)
    assert {e.article_id for e in event.evidence} == {a.article_id, b.article_id}


@pytest.mark.parametrize("pair", NEAR_MISSES, ids=[p[0] for p in NEAR_MISSES])
def test_near_misses_stay_apart(pair: Pair, mentions: dict) -> None:
    a, b = _one_each(pair, mentions)
    assert len(merge_events([a, b])) == 2


# --- the rules on records built by hand ---


_event = make_event


def test_headline_is_the_lowest_credible_figure() -> None:
    assert headline_figure([(5, None), (3, None), (None, None)]) == 3
    # an unverified claim does not lower the credible figures
    assert headline_figure([(5, None), (1, False)]) == 5
    # only unverified figures: the lowest of them
    assert headline_figure([(7, False), (4, False)]) == 4
    # no figure at all is unknown, not zero
    assert headline_figure([(None, None), (None, True)]) is None


def test_claimed_by_follows_the_headline_figure() -> None:
    a = _event(fatalities=5, claimed_by="the mayor")
    b = _event(event_id="ew-b", article_id="art-b", fatalities=3, claimed_by="the governor")
    event = merged_event([a, b])
    assert (event.fatalities, event.claimed_by, event.event_id) == (3, "the governor", "ew-a")
    assert "3" in event.notes or "three" in event.notes.lower()


def test_one_article_never_merges_with_itself() -> None:
    a = _event()
    b = _event(event_id="ew-b")  # same article, same fields: the extractor kept two events
    assert len(merge_events([a, b])) == 2


def test_stated_days_must_agree_inferred_ones_may_be_a_day_off() -> None:
    stated = _event()
    next_day = _event(event_id="ew-b", article_id="art-b", event_date="2025-06-04")
    assert not dates_match(stated, next_day)
    inferred = replace(next_day, evidence=[])  # the publication date stands in
    assert dates_match(stated, inferred)
    overnight = replace(
        next_day, evidence=[Evidence("event_date", "art-b", 0, 9, "overnight", "the night")]
    )
    assert dates_match(stated, overnight)
    week = replace(next_day, event_date="2025-06-05", time_precision=2)
    assert dates_match(stated, week)
    month = replace(next_day, event_date="2025-06-15", time_precision=3)
    assert dates_match(stated, month)
    assert not dates_match(stated, replace(month, event_date="2025-07-15"))


def test_places() -> None:
    kharkiv = _event()
    # no gazetteer id: within 10 km joins
    assert places_match(kharkiv, _event(geonameid=None, latitude=50.03, longitude=36.25))
    assert not places_match(kharkiv, _event(geonameid=None, latitude=50.2, longitude=36.25))
    # two ids are two places unless their points are within 2 km
    assert places_match(kharkiv, _event(geonameid=1, latitude=49.99, longitude=36.26))
    assert not places_match(kharkiv, _event(geonameid=1, latitude=50.02, longitude=36.25))
    # a region-level place never joins a town
    assert not places_match(kharkiv, _event(geo_precision=3))
    assert not places_match(kharkiv, _event(country="Russia"))


def test_actor_countries() -> None:
    russia = _event()
    ukraine = _event(actor1="Military Forces of Ukraine (2019-)")
    unknown = _event(actor1="Unidentified Military Forces")
    assert not actors_compatible(russia, ukraine)
    assert actors_compatible(russia, unknown)
    assert actors_compatible(russia, _event(actor1="Military Forces of Russia (2000-) Air Force"))
    battle = {"event_type": "Battles", "sub_event_type": "Armed clash"}
    assert actors_compatible(_event(**battle, actor2=None), replace(ukraine, **battle, actor2=None))  # type: ignore[arg-type]
    assert not actors_compatible(
        _event(**battle, actor2="Military Forces of Belarus"),  # type: ignore[arg-type]
        replace(ukraine, **battle, actor2="Military Forces of Belarus"),  # type: ignore[arg-type]
    )


def test_merge_is_greedy_in_order_and_picks_the_closest_day() -> None:
    a = _event(evidence=[])  # dated by publication: joins a day either side
    b = _event(event_id="ew-b", article_id="art-b", event_date="2025-06-02")
    c = _event(event_id="ew-c", article_id="art-c", event_date="2025-06-03")
    groups = merge_events([b, c, a])
    assert [[m.event_id for m in g] for g in groups] == [["ew-b"], ["ew-c", "ew-a"]]
