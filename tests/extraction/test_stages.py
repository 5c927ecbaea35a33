"""Each extraction stage's contract: what it takes, what it returns, and that it is frozen."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest
from spacy.language import Language

from eventwire.coding.stage import type_stories
from eventwire.extraction.facts import SentenceFacts, story_facts
from eventwire.extraction.mentions import Mention, find_mentions
from eventwire.extraction.story import story_passes
from eventwire.geo import load_geoparser

STORY = (
    "Gunmen kill 9 in raid on Nigerian village\n\n"
    "KADUNA, Nigeria (AP) - Gunmen on motorbikes raided the village of Kauru in Kaduna state "
    "on Sunday, killing nine villagers, police said on Monday.\n\n"
    '"They came at night and shot everyone they saw," a survivor said.\n\n'
    "The attackers also burned dozens of homes. More than 3,000 people have been killed in "
    "the region since 2020."
)
PUBLISHED = date(2024, 5, 6)


@pytest.fixture(scope="module")
def story(nlp: Language):  # type: ignore[no-untyped-def]
    doc = nlp(STORY)
    geo = load_geoparser()
    return story_facts(doc, geo.places(doc), PUBLISHED)


def test_sentence_facts_decide_nothing_and_skip_quotations(story) -> None:  # type: ignore[no-untyped-def]
    assert all(isinstance(f, SentenceFacts) for f in story.sentences)
    assert not any(f.sent.text.lstrip().startswith('"') for f in story.sentences)
    assert [f.index for f in story.sentences] == list(range(len(story.sentences)))
    lead = next(f for f in story.sentences if "raided" in f.sent.text)
    assert {c.lemma for c in lead.cues} & {"raid", "kill"}
    assert [t.value for t in lead.tolls] == [9]
    assert any(p.name == "Kauru" for p in lead.sites)
    with pytest.raises(dataclasses.FrozenInstanceError):
        lead.index = 5  # type: ignore[misc]


def test_a_release_s_header_lines_are_no_sentences(nlp: Language) -> None:
    # a header's lines hold no lower-case word: they are not counted between the title and
    # the lead, and a short release's lead stays among its first sentences
    text = (
        "Coalition Forces Detain Suspects in Basra\n"
        "NEWS RELEASE\nJoint Command - Iraq\n2012-05-S-011\nFor Immediate Release\n\n"
        "BASRA, Iraq (May 3) - Iraqi and coalition forces detained two suspected insurgents in "
        "Zubair district yesterday. The suspects were taken in for questioning."
    )
    doc = nlp(text)
    story = story_facts(doc, load_geoparser().places(doc), date(2012, 5, 3))
    texts = [f.sent.text.strip() for f in story.sentences]
    assert texts[0] == "Coalition Forces Detain Suspects in Basra"
    assert texts[1].startswith("Iraqi and coalition forces detained") or texts[1].startswith(
        "BASRA, Iraq (May 3) - Iraqi"
    ), texts
    assert not any(t in ("NEWS RELEASE", "For Immediate Release", "2012-05-S-011") for t in texts)


def test_mentions_are_frozen_and_link_the_toll(story) -> None:  # type: ignore[no-untyped-def]
    mentions = find_mentions(story)
    assert mentions and all(isinstance(m, Mention) for m in mentions)
    with pytest.raises(dataclasses.FrozenInstanceError):
        mentions[0].place = None  # type: ignore[misc]
    raid = next(
        m for m in story_passes(story, mentions) if m.kind.event_type != "Strategic developments"
    )
    assert sum(t.value for t in raid.tolls if t.field == "fatalities") == 9
    assert raid.date is not None and raid.date.date == date(2024, 5, 5)


def test_story_passes_drop_the_headline_repeat(story) -> None:  # type: ignore[no-untyped-def]
    mentions = find_mentions(story)
    kept = story_passes(story, mentions)
    assert len(kept) <= len(mentions)
    assert all(m.sentence.start_char >= story.headline_end for m in kept if not m.pending)


def test_type_stage_is_the_same_batched_or_alone(story) -> None:  # type: ignore[no-untyped-def]
    mentions = story_passes(story, find_mentions(story))
    alone = type_stories([(story, mentions)])
    together = type_stories([(story, mentions), (story, mentions)])
    label = lambda typed: [(t.coded.kind.sub_event_type, t.mention.place) for t in typed]  # noqa: E731
    assert label(together[0]) == label(alone[0]) == label(together[1])


def test_the_type_stage_s_own_proposal_of_a_capture_is_typed_by_its_taker(nlp: Language) -> None:
    # a short report the rules found no event in (no mentions given): the coder proposes its
    # lead's capture, and the state's army that took the place makes it a regained territory
    text = "Syrian army units captured a village in the countryside of Idlib on Friday."
    doc = nlp(text)
    story = story_facts(doc, load_geoparser().places(doc), date(2021, 2, 24))
    (typed,) = type_stories([(story, [])])
    assert [t.coded.kind.sub_event_type for t in typed] == ["Government regains territory"]


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds of soldiers marched into the town of Beni on Monday.",
        "Columns of militia fighters paraded through the streets of Bunia on Sunday.",
    ],
)
def test_the_type_stage_proposes_no_demonstration_for_an_armed_force(
    nlp: Language, text: str
) -> None:
    # a force's march is no demonstration, as the rules read it: the coder may not propose one
    doc = nlp(text)
    story = story_facts(doc, load_geoparser().places(doc), date(2024, 5, 8))
    (typed,) = type_stories([(story, [])])
    assert all(t.coded.kind.event_type not in ("Protests", "Riots") for t in typed), typed


def test_the_type_stage_still_proposes_a_crowd_a_force_dispersed(nlp: Language) -> None:
    text = "Traders who blocked the main road in Glazoue were dispersed by police forces on Monday."
    doc = nlp(text)
    story = story_facts(doc, load_geoparser().places(doc), date(2024, 5, 8))
    (typed,) = type_stories([(story, [])])
    assert [t.coded.kind.event_type for t in typed] in (["Protests"], ["Riots"]), typed
