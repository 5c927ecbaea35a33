"""A report the coder reads as a statement: what its verb of saying reports is read again on
its own (texts written for these tests)."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from eventwire.coding.coder import load_coder
from eventwire.coding.stage import reported_clause
from eventwire.extraction.facts import story_facts
from eventwire.extraction.mentions import find_mentions
from eventwire.geo import load_geoparser


def _mentions(nlp: Language, text: str):  # type: ignore[no-untyped-def]
    doc = nlp(text)
    return find_mentions(story_facts(doc, load_geoparser().places(doc), date(2021, 7, 13)))


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Residents told reporters by telephone that police fired at a crowd that had been "
            "marching through Kitwe.",
            "police fired at a crowd that had been marching through Kitwe",
        ),
        (
            "Organisers said riot police beat nurses with batons outside the ministry in Lilongwe.",
            "riot police beat nurses with batons outside the ministry in Lilongwe",
        ),
    ],
)
def test_the_clause_a_verb_of_saying_reports(nlp: Language, text: str, clause: str) -> None:
    (mention,) = _mentions(nlp, text)
    found = reported_clause(mention)
    assert found is not None and found.text == clause


@pytest.mark.parametrize(
    "text",
    [
        # told in its own voice: no frame
        "Police fired tear gas at a crowd of traders in Kitwe on Monday.",
        # a party's claim stays a claim
        "The rebel group said its fighters had killed five soldiers in an ambush near Kidal.",
        # a detail of an event told before, named by its noun
        "The attack targeted a checkpoint north of Kidal, residents said.",
    ],
)
def test_no_reported_clause_to_read_again(nlp: Language, text: str) -> None:
    mentions = _mentions(nlp, text)
    assert mentions and all(reported_clause(m) is None for m in mentions)


def test_the_frame_hides_the_event_the_clause_tells() -> None:
    # what the rereading is for: the coder reads the frame as a statement, the clause as an event
    sentence, clause = (
        "Residents told reporters by telephone that police fired at a crowd that had been "
        "marching through the streets of Kitwe shouting slogans.",
        "police fired at a crowd that had been marching through the streets of Kitwe shouting "
        "slogans.",
    )
    framed, alone = load_coder().decide([sentence, clause])
    assert alone.is_event and alone.best_event in (
        "Excessive force against protesters",
        "Protest with intervention",
    )
    assert alone.p_event > framed.p_event
