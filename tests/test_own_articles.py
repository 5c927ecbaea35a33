"""Our eight sets of long, multi-event wire stories from wars other than Ukraine's keep their scores.

Each set is twelve fictional stories in the wire genre (a headline, a dateline, several events
on different days and places, tolls in words and digits, claims and denials, and aggregates,
forecasts and background that are not events), with ACLED-style gold events:

- data/own-articles.jsonl: Sudan to Nigeria; written with the first rules, tuned to since.
- data/own-articles-2.jsonl: Sudan, Myanmar, Burkina Faso, Somalia, Yemen, Syria, DR Congo,
  Nigeria, Haiti, Israel and the Palestinian territories, Mexico, Kenya; labelled before the
  pipeline ever ran on it (blind), then used to find general faults.
- data/own-articles-3.jsonl: Ethiopia, Pakistan, Manipur, Cabo Delgado, Anglophone Cameroon,
  South Sudan, Tripoli, Iraq, south Lebanon, Ukraine in 2024, Georgia, Ecuador, in several
  house styles (AFP, Reuters, AP, Lusa, a local daily, an NGO release, an OCHA flash update);
  labelled blind too.
- data/own-articles-4/-5/-6/-7.jsonl (session 4): 24 (set 7: 16) stories each, one country a story, in wire,
  local-daily, UN/NGO, military/police and ministry registers, with two mostly non-conflict
  stories each; each written and labelled blind by a helper and committed before its first
  measurement (the figures below each entry). Their floors sit five points under the figures
  measured when they were added.

The floors sit a few points below what `eventwire eval tests/data/<file>` measured at the end of
session 3 (the second value of each pair), so they catch regressions, not noise; raise them as
the extractor improves. When they were written, the blind sets measured far lower (set 2: event
recall .645, precision .460; set 3: recall .720, precision .400, type .900, toll .760): the rules
added since were found on these sets, so they are no longer blind measures. Each set also lists the
figures its articles state that are the toll of no one event, and the leaks (such a figure
become a toll) the extractor still makes: remove one when it is fixed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from eventwire.evaluate import default_extractor, evaluate_file
from eventwire.model import Article, Event

DATA = Path(__file__).parent / "data"
EVENT = "event (type, date, ≤ 50 km)"


def _not_listed_yet(file: str) -> dict[str, set[int]]:
    """A set whose figures that are no event's toll are still to be listed: none per article."""
    lines = (DATA / file).read_text(encoding="utf-8").splitlines()
    return {json.loads(line)["id"]: set() for line in lines if line.strip()}


@dataclass(frozen=True)
class GoldSet:
    file: str
    records: int
    gold_events: int
    floors: dict[str, tuple[float, float]]  # figure: (floor, value measured)
    precision: tuple[float, float]  # of EVENT: (floor, value measured)
    aggregates: dict[str, set[int]]  # per article: figures that are no event's toll
    known_leaks: set[tuple[str, int]] = field(default_factory=set)


SETS = (
    GoldSet(
        "own-articles.jsonl",
        records=12,
        gold_events=53,
        floors={
            "event": (0.86, 0.906),
            "event_type": (0.94, 0.981),
            "sub_event_type": (0.90, 0.943),
            "event_date": (0.94, 0.981),
            "fatalities": (0.94, 0.981),
            "place_50km": (0.86, 0.906),
            "actor1_country": (0.79, 0.830),
        },
        # session 4: .855 (47/55): vague counts make two more clauses specific, and the coder
        # reads "its drones destroyed a Russian air defense system" as an interception
        precision=(0.84, 0.855),
        # totals since a war began, displaced people, populations, other years' events
        aggregates={
            "own-01": {14_000, 8_000_000, 1_500_000},
            "own-02": {5_300, 3_000_000},
            "own-03": {400_000, 2_000_000},
            "own-04": {1_000, 400_000},
            "own-05": {500_000, 23_000_000},
            "own-06": {38_000, 1_200, 250},
            "own-07": {150_000, 4_000_000},
            "own-08": {500},
            "own-09": {700_000, 11_000},
            "own-10": {1_000, 20_000},
            "own-11": {2_500, 362_000, 80},
            "own-12": {35_000, 2_000_000},
        },
    ),
    GoldSet(
        "own-articles-2.jsonl",
        records=12,
        gold_events=62,
        floors={
            "event": (0.77, 0.823),
            "event_type": (0.82, 0.871),
            "sub_event_type": (0.76, 0.806),
            "event_date": (0.80, 0.855),
            # session 7: .817; the coder trained on a second batch of long stories' sentences
            # (63% non-events) drops three of this set's events told late in their stories,
            # and gains 2-5 points of precision on sets 3-9
            "fatalities": (0.80, 0.817),
            "place_50km": (0.82, 0.871),
            "actor1_country": (0.72, 0.774),
        },
        precision=(0.78, 0.836),
        # war totals, displaced people, populations, claims larger than the credible toll,
        # ages, distances, counts of arrested or abducted people
        aggregates={
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
        },
    ),
    GoldSet(
        "own-articles-3.jsonl",
        records=12,
        gold_events=50,
        floors={
            "event": (0.78, 0.840),
            "event_type": (0.90, 0.960),
            "sub_event_type": (0.88, 0.940),
            "event_date": (0.86, 0.920),
            "fatalities": (0.84, 0.900),
            "place_50km": (0.84, 0.900),
            "actor1_country": (0.76, 0.820),
        },
        precision=(0.48, 0.532),
        # totals over weeks or a war, claims summed over several attacks, displaced people,
        # counts of drones or days
        aggregates={
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
        },
        # fixed in session 4 by the coder's veto in long stories: "claimed to have killed more
        # than 100 soldiers and police", "38 violent incidents ... in which four aid workers
        # were killed"
        # (fixed in session 7, the coder reading it as a statement: "condemns the killing
        # of at least nine civilians ... past week")
        # (fixed in session 29, a summary of several clashes the story tells by day and
        # town: "security forces had killed 21 militants in clearance operations", with no
        # day or town of its own)
        known_leaks=set(),
    ),
    GoldSet(
        "own-articles-4.jsonl",
        records=24,
        gold_events=85,
        floors={
            "event": (0.54, 0.588),
            "event_type": (0.81, 0.859),
            "sub_event_type": (0.70, 0.753),
        },
        precision=(0.36, 0.407),
        # blind when written; first scored at P .379 / R .588, then looked at (session 4)
        # (the figures its articles state that are no event's toll are still to be listed)
        aggregates=_not_listed_yet("own-articles-4.jsonl"),
    ),
    GoldSet(
        "own-articles-5.jsonl",
        records=24,
        gold_events=83,
        floors={
            "event": (0.58, 0.627),
            "event_type": (0.72, 0.771),
            "sub_event_type": (0.62, 0.675),
        },
        precision=(0.51, 0.559),
        # blind when written; first scored at P .474 / R .663 (session 4)
        # (the figures its articles state that are no event's toll are still to be listed)
        aggregates=_not_listed_yet("own-articles-5.jsonl"),
    ),
    GoldSet(
        "own-articles-6.jsonl",
        records=24,
        gold_events=87,
        floors={
            "event": (0.65, 0.701),
            "event_type": (0.82, 0.874),
            "sub_event_type": (0.74, 0.793),
        },
        precision=(0.48, 0.530),
        # blind when written; first scored at P .530 / R .701 with the shipped coder (session 4)
        # (the figures its articles state that are no event's toll are still to be listed)
        aggregates=_not_listed_yet("own-articles-6.jsonl"),
    ),
    GoldSet(
        "own-articles-7.jsonl",
        records=16,
        gold_events=57,
        floors={
            "event": (0.74, 0.789),
            "event_type": (0.81, 0.860),
            "sub_event_type": (0.77, 0.825),
        },
        precision=(0.60, 0.652),
        # blind when written; first scored at P .615 / R .702 with the shipped coder (session
        # 4); used in session 5 to choose the coder's thresholds, so no longer blind
        # (the figures its articles state that are no event's toll are still to be listed)
        aggregates=_not_listed_yet("own-articles-7.jsonl"),
    ),
    GoldSet(
        "own-articles-8.jsonl",
        records=24,
        gold_events=96,
        floors={
            "event": (0.58, 0.635),
            "event_type": (0.79, 0.844),
            "sub_event_type": (0.67, 0.719),
            "event_date": (0.69, 0.740),
            "fatalities": (0.67, 0.720),
            "place_50km": (0.74, 0.792),
        },
        precision=(0.49, 0.545),
        # blind when written (session 5, 24 countries, see own-articles-8.README.md); first
        # scored at P .545 / R .635 with the shipped code of session 5 (rules alone .368 /
        # .552, the coder alone .570 / .635). Aggregates as its writer listed them.
        aggregates={
            "own8-01": {19, 846, 306},
            "own8-02": {7, 500},
            "own8-03": {312, 1_075, 1},
            "own8-04": {60, 3, 200},
            "own8-05": {39, 400, 1_000},
            "own8-06": {40, 50_000},
            "own8-07": {20, 100_000, 60_000},
            "own8-08": {14, 9},
            "own8-09": {4_000, 100_000},
            "own8-10": {2_000, 40, 4, 1_000},
            "own8-11": {100, 50_000, 1},
            "own8-12": {11, 6, 1_300, 400, 2},
            "own8-13": {96},
            "own8-14": {1_289, 1_536, 43, 2},
            "own8-15": {50},
            "own8-16": {10, 70, 150},
            "own8-17": {200_000, 1_200_000, 300, 4_000, 12, 45},
            "own8-18": {100, 3_000, 800_000},
            "own8-19": {1_500, 437_000, 6},
            "own8-20": {18, 50_000, 300_000},
            "own8-21": {66, 2_000, 25_000},
            "own8-22": {50, 6, 2_200_000, 5},
            "own8-23": {190, 584, 37, 80_000, 165, 1_600},
            "own8-24": {7, 4, 23, 31, 89, 11},
        },
        # found on its first run (session 5), by kind:
        known_leaks={
            # an apposition counted twice ("two rubber tappers, a husband and wife") and a
            # road accident read as an attack ("a pickup … overturned, injuring all four")
            ("own8-10", 4),
            # (fixed: a running total's second figure, "19 deaths … since April 28, along with
            # 846 people injured", was an event placed only in the country that repeats a placed
            # one, now folded into it, story.fold_repeats)
            # (fixed: a claim the story calls false, "Claims … that five soldiers died … are
            # false", tolls.py _in_a_rejected_claim)
        },
    ),
)


@pytest.fixture(scope="module", params=SETS, ids=[s.file for s in SETS])
def scored(request: Any) -> tuple[GoldSet, dict[str, Any], dict[str, list[Event]]]:
    """One set, the figures of one run over it, and the events predicted per article."""
    gold: GoldSet = request.param
    predicted: dict[str, list[Event]] = {}

    def recording(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article, events in default_extractor(articles):
            predicted[article.article_id] = list(events)
            yield article, predicted[article.article_id]

    return gold, evaluate_file(DATA / gold.file, extractor=recording), predicted


def test_the_file_is_what_the_floors_were_measured_on(scored) -> None:
    gold, figures, predicted = scored
    assert figures["records"] == gold.records
    assert figures["gold_events"] == gold.gold_events
    assert set(predicted) == set(gold.aggregates)


def test_figures_stay_above_their_floors(scored) -> None:
    gold, figures, _ = scored
    below = []
    for name, (floor, measured) in sorted(gold.floors.items()):
        if name == "event":
            value = figures["fields"][EVENT]["recall"]
        else:
            value = figures["headline"][name]["value"]
        if value is None or value < floor:
            below.append(f"{name}: {value} < {floor} (was {measured})")
    assert not below, below


def test_false_events_stay_few(scored) -> None:
    """Background, statements, forecasts, statistics and details of an event already told
    make no record of their own: the precision of EVENT."""
    gold, figures, _ = scored
    precision = figures["fields"][EVENT]["precision"]
    floor, measured = gold.precision
    assert precision is not None and precision >= floor, f"{precision} < {floor} (was {measured})"


def _leaks(gold: GoldSet, predicted: dict[str, list[Event]]) -> set[tuple[str, int]]:
    return {
        (article_id, figure)
        for article_id, events in predicted.items()
        for event in events
        for figure in (event.fatalities, event.injuries)
        if figure is not None and figure in gold.aggregates[article_id]
    }


def test_no_new_aggregate_becomes_a_toll(scored) -> None:
    gold, _, predicted = scored
    assert _leaks(gold, predicted) <= gold.known_leaks


def test_known_leaks_are_still_leaks(scored) -> None:
    """A leak fixed comes off its set's list, so the list says what is still wrong."""
    gold, _, predicted = scored
    assert gold.known_leaks <= _leaks(gold, predicted)
