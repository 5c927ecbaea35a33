"""A third set of twelve long wire stories, labelled blind, keeps its scores.

The articles in data/own-articles-3.jsonl are fictional but written in the wire genre about
conflicts the first two sets do not cover (Ethiopia, Pakistan, Manipur, Cabo Delgado, the
Anglophone regions of Cameroon, South Sudan, Tripoli, Iraq, south Lebanon, Ukraine in 2024,
Georgia, Ecuador), in several house styles (AFP, Reuters, AP, Lusa, a local daily, an NGO press
release, an OCHA flash update). Their events were labelled before the extractor was ever run on
them, so this file is the honest measure of how the pipeline generalises; do not tune to it.
The floors sit a few points below what the extractor measured when the file was written
(`eventwire eval tests/data/own-articles-3.jsonl`), so they catch regressions, not noise.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluate import default_extractor, evaluate_file
from eventwire.model import Article, Event

GOLD = Path(__file__).parent / "data" / "own-articles-3.jsonl"

# figure: (floor, value measured when the file was written)
FLOORS = {
    "event": (0.66, 0.720),  # recall of "event (type, date, <= 50 km)": gold events found
    "event_type": (0.85, 0.900),
    "sub_event_type": (0.77, 0.820),
    "event_date": (0.75, 0.800),
    "fatalities": (0.70, 0.760),
    "place_50km": (0.86, 0.920),
    "actor1_country": (0.75, 0.800),
}

# Figures each article states that are not the toll of any one event: totals over weeks or
# a war, claims summed over several attacks, displaced people, counts of drones or days.
AGGREGATES: dict[str, set[int]] = {
    "own3-01": {248, 4_100_000},
    "own3-02": {14, 21, 100, 1_500},
    "own3-03": {220, 60_000},
    "own3-04": {2_500, 5_000, 100_000, 1_000_000},
    "own3-05": {9, 6_000, 600_000, 2_200_000},
    "own3-06": {4, 38, 1_200, 2_000, 3_500, 630_000, 7_100_000},
    "own3-07": {55},
    "own3-08": {165, 900, 2_500},
    "own3-09": {2_300, 60_000, 1_200_000},
    "own3-10": {16, 30, 45, 50, 98, 700, 2_400, 11_200},
    "own3-11": {45, 150, 220},
    "own3-12": {47, 60, 119, 460, 100_000},
}

# Leaks the extractor made when the file was written; remove one when it is fixed.
KNOWN_LEAKS: set[tuple[str, int]] = {
    ("own3-02", 100),  # "claimed to have killed more than 100 soldiers and police" (all attacks)
    ("own3-02", 21),  # "security forces had killed 21 militants in clearance operations"
    ("own3-05", 9),  # "condemns the killing of at least nine civilians ... over the past week"
    (
        "own3-06",
        4,
    ),  # "38 violent incidents ... in which four aid workers were killed" (since January)
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
    assert figures["gold_events"] == 50
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


def test_false_events_do_not_grow(scored) -> None:
    """Precision of "event (type, date, <= 50 km)": measured 0.400 (90 predicted for 50 gold):
    background history, statements, forecasts, sitrep highlights and counter-claims still make
    records on these texts. The floor only stops it getting worse."""
    figures, _ = scored
    precision = figures["fields"]["event (type, date, ≤ 50 km)"]["precision"]
    assert precision is not None and precision >= 0.35, precision


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


@pytest.mark.xfail(reason="the KNOWN_LEAKS above", strict=False)
def test_no_aggregate_becomes_a_toll(scored) -> None:
    _, predicted = scored
    assert not _leaks(predicted)
