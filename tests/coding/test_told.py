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
