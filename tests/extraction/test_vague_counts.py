"""A vague count keeps its words and gets two figures: ACLED's and the least it supports."""

from __future__ import annotations

import pytest
from spacy.language import Language

import eventwire
from eventwire.extraction.tolls import toll_figures


def figures(nlp: Language, text: str) -> list[tuple[str, int, int, str]]:
    return [(f.field, f.value, f.least, f.text) for s in nlp(text).sents for f in toll_figures(s)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ACLED's codebook: "several"/"many" 10, "dozens" 12, "hundreds" 100
        ("Several insurgents were killed in the strike.", ("fatalities", 10, 3)),
        ("Troops killed many fighters near the border.", ("fatalities", 10, 3)),
        ("The shelling wounded dozens of people in the market.", ("injuries", 12, 24)),
        ("Hundreds of villagers were massacred, survivors said.", ("fatalities", 100, 200)),
        ("A number of militants were killed during the operation.", ("fatalities", 10, 2)),
        ("The blast wounded a few passers-by.", ("injuries", 3, 2)),
        ("Several were killed when the mortar landed.", ("fatalities", 10, 3)),
    ],
)
def test_vague_count(nlp: Language, text: str, expected: tuple[str, int, int]) -> None:
    found = figures(nlp, text)
    assert [f[:3] for f in found] == [expected], found


def test_vague_count_keeps_its_words(nlp: Language) -> None:
    (found,) = figures(nlp, "A number of insurgents were killed in the fighting.")
    assert found[3] == "A number of insurgents"


def test_a_number_stays_exact(nlp: Language) -> None:
    assert [f[:3] for f in figures(nlp, "The strike killed 12 people.")] == [("fatalities", 12, 12)]


def test_a_vague_aggregate_is_still_no_toll(nlp: Language) -> None:
    assert figures(nlp, "Hundreds of people have been killed since January.") == []


def test_event_carries_both_figures() -> None:
    (event,) = eventwire.extract(
        "KABUL, Afghanistan (March 4, 2011) - An air weapons team engaged insurgents in "
        "Nad Ali district, Helmand province, yesterday. Several insurgents were killed.",
        published="2011-03-04",
    )
    assert (event.fatalities, event.fatalities_min) == (10, 3)
    assert any("vague count" in e.reason for e in event.evidence if e.field == "fatalities")
