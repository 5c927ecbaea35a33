"""What the coder reads of a mention (`stage.told`): the part of a sentence that holds the cue
that decided the mention's kind, without a transcript's speaker label, with the coder's words
placed back in the text. Texts written for these tests."""

from __future__ import annotations

from datetime import date

from spacy.language import Language

from eventwire import extract
from eventwire.coding.stage import told
from eventwire.extraction.facts import story_facts
from eventwire.extraction.mentions import Mention, find_mentions
from eventwire.geo import load_geoparser

MONDAY = date(2024, 3, 18)


def test_each_part_of_a_listing_sentence_is_read_for_its_own_event() -> None:
    text = (
        "Thousands of protesters rallied peacefully in Lviv on Sunday against corruption; a "
        "drone struck a house in Sumy on Sunday, residents said."
    )
    events = extract(text, published=MONDAY)
    got = sorted((e.sub_event_type, e.location) for e in events)
    assert got == [("Air/drone strike", "Sumy"), ("Peaceful protest", "Lviv")], got


def test_the_coders_words_are_cited_where_they_stand() -> None:
    text = "[PRESENTER] M23 rebels took the town of Sake on Sunday after a short fight."
    events = extract(text, published=MONDAY)
    cited = [
        e for ev in events for e in ev.evidence if e.field == "event_type" and "coder" in e.reason
    ]
    assert cited
    for e in cited:
        assert text[e.start : e.end] == e.text
        assert e.text in e.reason  # the word the coder named is the word cited


def _mentions(nlp: Language, text: str) -> list[Mention]:
    doc = nlp(text)
    return find_mentions(story_facts(doc, load_geoparser().places(doc), MONDAY))


def test_a_sentence_that_goes_on_through_its_subject_pronoun_is_read_with_the_one_before(
    nlp: Language,
) -> None:
    """ "A teacher was dragged from his home by youths. He was beaten with logs and died": who
    "he" is, and who did it, stand in the sentence before; the coder reads both."""
    text = (
        "A teacher was dragged from his home near Gokwe by a group of youths on Saturday. "
        "He was beaten with logs and died of his injuries on the way to the clinic."
    )
    beaten = [m for m in _mentions(nlp, text) if m.sentence.text.startswith("He was beaten")]
    assert beaten
    shift, read = told(beaten[0])
    assert read.startswith("A teacher was dragged") and read.endswith("the clinic.")
    assert shift == -len(
        "A teacher was dragged from his home near Gokwe by a group of youths on Saturday. "
    )
    # a sentence that names its doer, or opens a paragraph, is read alone
    text = (
        "Youths dragged a teacher from his home near Gokwe on Saturday.\n\nThey beat him to death."
    )
    for m in _mentions(nlp, text):
        assert told(m)[0] == 0, told(m)


def test_an_event_told_as_the_time_of_another_is_read_in_its_own_clause(nlp: Language) -> None:
    """ "Two families signed a truce on Thursday, five days after a shootout left two farmers
    dead": the shootout's mention is read from its clause, not typed by the truce's words."""
    text = (
        "Two rival families signed a truce at the town hall in Datu Piang on Thursday, five "
        "days after a shootout between their gunmen left two farmers dead, the mayor said."
    )
    shootout = [m for m in _mentions(nlp, text) if m.kind.cue.text == "shootout"]
    assert shootout
    shift, read = told(shootout[0])
    assert read == "five days after a shootout between their gunmen left two farmers dead"
    assert text[shift : shift + len(read)] == read
    events = extract(text, published=date(2024, 3, 22))
    kinds = {(e.event_date, e.sub_event_type) for e in events}
    assert ("2024-03-21", "Agreement") in kinds, kinds
    assert ("2024-03-16", "Agreement") not in kinds, kinds  # the shootout's day is no truce's


def test_a_force_s_act_and_its_wounded_after_a_semicolon_are_read_together() -> None:
    """ "… police fired tear gas at students holding a vigil; according to the students'
    council, three students were wounded": the coder reads the shooting with its wounded (the
    wounded alone read as a statement, and the protest was lost)."""
    text = (
        "On Wednesday 25 January, police in Manzini fired tear gas and rubber bullets at people "
        "who were marching to deliver a petition. On Thursday 26 January, police entered the "
        "university campus in Kwaluseni and fired tear gas and rubber bullets at students who "
        "were holding a vigil; according to the students' council, three students were wounded "
        "and taken to hospital."
    )
    events = extract(text, published=date(2023, 2, 4))
    got = {(e.event_type, e.location, e.event_date) for e in events}
    assert ("Protests", "Kwaluseni", "2023-01-26") in got, got
