"""A second set of twelve long wire stories, labelled blind, keeps its scores.

data/own-articles-2.jsonl holds twelve fictional stories (450-520 words) in the wire genre about
wars and unrest other than Ukraine's: Sudan, Myanmar, Burkina Faso, Somalia, Yemen, Syria, DR Congo,
Nigeria, Haiti, Israel and the Palestinian territories, Mexico and Kenya. Each has four to six
events on different days and places, tolls in words and digits, claims and denials, and
aggregates, forecasts and background that are not events. Unlike data/own-articles.jsonl, its 62
gold events were labelled before the pipeline was ever run on the text, so it measures how far the
rules generalise rather than what they were tuned to.

The floors sit a few points (about three events) below what the extractor measured when the file
was written (`eventwire eval tests/data/own-articles-2.jsonl`), so they catch regressions, not
noise. Raise them as the extractor improves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluate import default_extractor, evaluate_file
from eventwire.model import Article, Event

GOLD = Path(__file__).parent / "data" / "own-articles-2.jsonl"

# figure: (floor, value measured when the file was written)
FLOORS = {
    "event": (0.59, 0.645),  # recall of "event (type, date, <= 50 km)": gold events found
    "event_type": (0.82, 0.871),
    "sub_event_type": (0.74, 0.790),
    "event_date": (0.67, 0.726),
    "fatalities": (0.85, 0.900),  # 0.817 when written; 0.900 after the toll fixes of issue 2
    "place_50km": (0.74, 0.790),
    "actor1_country": (0.75, 0.806),
}
PRECISION_FLOOR = (0.40, 0.460)  # precision of "event (type, date, <= 50 km)": 87 predicted

# Figures each article states that are not the toll of any one event: totals since a war began,
# displaced people, populations, claims larger than the credible toll, ages, distances and
# counts of arrested or abducted people.
AGGREGATES: dict[str, set[int]] = {
    "own2-01": {20_000, 11_000_000, 14},
    "own2-02": {500, 27_000, 180, 3_000_000, 300},
    "own2-03": {60, 200, 26_000, 2_000_000, 25},
    "own2-04": {15, 200, 121, 19_000, 4_000, 6_900_000},
    "own2-05": {36, 30, 40, 21_000_000, 9},
    "own2-06": {40, 70_000, 4_000_000, 500_000},
    "own2-07": {135_000, 7_000_000, 1_500, 30},
    "own2-08": {47, 280, 276, 3_600},
    "own2-09": {3_600, 700_000, 400, 2_500, 80},
    "own2-10": {22, 1_200, 250, 40_700, 2_300_000, 29, 12, 6, 40},
    "own2-11": {53, 51, 600, 30_000, 100_000, 12},
    "own2-12": {200, 23, 47},
}

# Leaks the extractor made when the file was written; remove one when it is fixed.
KNOWN_LEAKS: set[tuple[str, int]] = {
    ("own2-03", 60),  # JNIM's claim of "more than 60" killed; the credible toll is 20
    ("own2-04", 15),  # al Shabaab's claim of 15 soldiers killed; the credible toll is 6
}


@pytest.fixture(scope="module")
def scored() -> tuple[dict[str, Any], dict[str, list[Event]]]:
    """The figures of one run over the gold file, and the events it predicted per article."""
    predicted: dict[str, list[Event]] = {}

    def recording(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article, events in default_extractor(articles):
            predicted[article.article_id] = list(events)
            yield article, predicted[article.article_id]

    return evaluate_file(GOLD, extractor=recording), predicted


def test_the_file_is_what_the_floors_were_measured_on(scored) -> None:
    figures, predicted = scored
    assert figures["records"] == 12
    assert figures["gold_events"] == 62
    assert set(predicted) == set(AGGREGATES)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_figure_stays_above_its_floor(scored, name: str) -> None:
    figures, _ = scored
    if name == "event":
        value = figures["fields"]["event (type, date, ≤ 50 km)"]["recall"]
    else:
        value = figures["headline"][name]["value"]
    floor, measured = FLOORS[name]
    assert value is not None and value >= floor, f"{name}: {value} < {floor} (was {measured})"


def test_false_events_stay_few(scored) -> None:
    """Background, forecasts, statistics and details of an event already reported make no
    record of their own (measured precision 0.460: 87 predicted for 62 gold events)."""
    figures, _ = scored
    precision = figures["fields"]["event (type, date, ≤ 50 km)"]["precision"]
    floor, measured = PRECISION_FLOOR
    assert precision is not None and precision >= floor, f"{precision} < {floor} (was {measured})"


def _leaks(predicted: dict[str, list[Event]]) -> set[tuple[str, int]]:
    return {
        (article_id, figure)
        for article_id, events in predicted.items()
        for event in events
        for figure in (event.fatalities, event.injuries)
        if figure is not None and figure in AGGREGATES[article_id]
    }


def test_no_new_aggregate_becomes_a_toll(scored) -> None:
    _, predicted = scored
    assert _leaks(predicted) <= KNOWN_LEAKS
