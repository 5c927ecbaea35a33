"""A running toll of one event revises it: "the death toll rose to 14" after "killing 12" is
the event's toll now (ACLED codes the latest figure), told in the same sentence or after; it
is neither a second event nor added to the figure it replaces."""

from __future__ import annotations

import pytest
from spacy.language import Language
from tollcount import tolls

import eventwire
from eventwire.extraction.tolls import toll_figures


@pytest.mark.parametrize(
    ("text", "fatalities"),
    [
        # a bare "the toll" that changes is a death toll (and its pluperfect is where it stands)
        ("By Monday the toll had risen to 14.", 14),
        ("Two of the wounded later died in hospital, bringing the toll to 14.", 14),
        ("Officials revised the death toll to 9 on Tuesday.", 9),
        # the running toll replaces the figure told before it in the sentence
        ("Early reports gave 12 dead, but by evening the toll had risen to 14, police said.", 14),
        ("Gunmen killed 12 people on Sunday, and the death toll rose to 14 on Monday.", 14),
        # a count of the dead or the wounded that changes
        ("The number of people killed in the raid on the village has risen to 12.", 12),
        ("Three more bodies were found, and the number of dead rose to 14.", 14),
    ],
)
def test_a_running_toll_in_the_sentence(nlp: Language, text: str, fatalities: int) -> None:
    assert tolls(nlp, text).get("fatalities") == fatalities


@pytest.mark.parametrize(
    "text",
    [
        "The attack took a heavy toll on the town.",  # no figure
        "The toll on the economy was heavy.",
        "The human toll of the floods is still unknown.",
        "The number of dead is unknown.",  # a count that does not change gives no figure
        "The number of people killed in attacks this year has risen to 300.",  # a period's
        # a source's figure beside others, and an earlier one, are no running toll
        "They put the toll at five.",
        "Officials had brought the toll to 8 on Saturday evening.",
    ],
)
def test_a_toll_that_counts_no_one(nlp: Language, text: str) -> None:
    assert tolls(nlp, text) == {}


def test_a_running_count_of_the_wounded(nlp: Language) -> None:
    assert tolls(nlp, "The number of wounded has risen to 40.") == {"injuries": 40}


def test_a_count_over_a_region_is_no_running_toll(nlp: Language) -> None:
    # the two shot dead are counted; the tally of a region's killings is not their event's
    text = (
        "Two men were shot dead by police, bringing to five the number of people killed in "
        "the south in less than a day."
    )
    assert tolls(nlp, text) == {"fatalities": 2}


def test_a_running_toll_is_marked_as_one(nlp: Language) -> None:
    (sent,) = nlp("The death toll from the blast rose to 14.").sents
    (figure,) = toll_figures(sent)
    assert figure.revises and figure.value == 14
    (sent,) = nlp("The blast killed 14 people.").sents
    assert not toll_figures(sent)[0].revises


@pytest.mark.parametrize(
    "follow_up",
    [
        "The death toll later rose to 14, officials said.",
        "By Monday the toll had risen to 14.",
        "Two of the wounded later died in hospital, bringing the toll to 14.",
        "Officials said on Monday the death toll had climbed to 14.",
        # a figure told against the one before it ("up from …"), as a ticker revises a toll
        "Police: 14 people dead, up from 12 given earlier.",
    ],
)
def test_a_revised_toll_is_the_event_s_not_another_event(follow_up: str) -> None:
    events = eventwire.extract(
        "KABUL, March 3, 2025 — Gunmen attacked a police post in Ghazni on Sunday, killing 12 "
        f"people. {follow_up}"
    )
    assert [(str(e.event_date), e.location, e.fatalities) for e in events] == [
        ("2025-03-02", "Ghazni", 14)
    ]


def test_another_toll_is_still_another_event() -> None:
    # a second figure that is no running toll tells a second event, as before
    events = eventwire.extract(
        "KABUL, March 3, 2025 — Gunmen attacked a police post in Ghazni on Sunday, killing 12 "
        "people. In Kandahar, a roadside bomb killed four soldiers on Sunday."
    )
    assert sorted((e.location[:4], e.fatalities) for e in events) == [("Ghaz", 12), ("Kand", 4)]
