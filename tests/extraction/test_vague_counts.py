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
        # "a number of" is "several" (more than two but not many), not merely "more than one"
        ("A number of militants were killed during the operation.", ("fatalities", 10, 3)),
        ("Multiple gunmen were killed in the exchange.", ("fatalities", 10, 2)),
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


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group counted once and named again with "the" when it is killed
        (
            "Several armed men were seen near the farm. The patrol ordered them to stop. "
            "The armed men opened fire and were all killed.",
            ("fatalities", 10, 3),
        ),
        (
            "Soldiers spotted five militants laying a mine on the road. As the militants "
            "fled, the militants were killed by a helicopter.",
            ("fatalities", 5, 5),
        ),
        # the count of the group named in a sentence too far back is not carried on
        (
            "Four fighters crossed the river. The ford was deep. The night was cold. "
            "The water was high. The fighters were killed at the ridge.",
            None,
        ),
        # a group counted as victims already: the deaths told again, no second toll
        (
            "Troops killed 17 militants in the town on Tuesday. The militants were killed "
            "after they opened fire from barricades.",
            ("fatalities", 17, 17),
        ),
        # … nor does a victim named by its state ("the wounded soldiers") count again
        (
            "Several soldiers were wounded in the ambush. The wounded soldiers were flown out.",
            ("injuries", 10, 3),
        ),
        # a group named anew without a count stops the search
        (
            "Three rebels were seen at the market. Later, rebels attacked a post. "
            "The rebels were killed.",
            None,
        ),
    ],
)
def test_group_counted_before(nlp: Language, text: str, expected: tuple[str, int, int]) -> None:
    found = [f[:3] for f in figures(nlp, text)]
    assert found == ([expected] if expected else []), found


def test_group_counted_before_names_its_words(nlp: Language) -> None:
    (found,) = [
        f
        for s in nlp("Police saw several gunmen near the bank. The gunmen were killed.").sents
        for f in toll_figures(s)
    ]
    assert found.text == "The gunmen" and "several gunmen" in found.reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive gerund after "resulted in", "led to": the noun before "being" is the victim
        (
            "The raid resulted in six villagers being killed and one wounded.",
            ("fatalities", 6, 6),
        ),
        ("The clash led to two guards being wounded.", ("injuries", 2, 2)),
        # the killing told as a noun: "resulted in the killing of several of the men"
        (
            "The patrol returned fire, which resulted in the killing of several of the men.",
            ("fatalities", 10, 3),
        ),
    ],
)
def test_deaths_told_as_a_result(nlp: Language, text: str, expected: tuple[str, int, int]) -> None:
    found = [f[:3] for f in figures(nlp, text)]
    assert expected in found, found


def test_killing_told_as_a_result_is_an_event() -> None:
    events = eventwire.extract(
        "KABUL, Afghanistan (March 4, 2011) - A joint patrol operating in Nad Ali district, "
        "Helmand province, came across armed men on Thursday. When the men displayed hostile "
        "intent, the patrol took defensive measures, which resulted in the killing of several "
        "of the men.",
        published="2011-03-04",
    )
    (event,) = [e for e in events if e.fatalities is not None]
    assert event.event_type != "Strategic developments"
    assert (event.fatalities, event.fatalities_min) == (10, 3)
