"""What the coder reads of a mention (`stage.told`): the part of a sentence that holds the cue
that decided the mention's kind, without a transcript's speaker label, with the coder's words
placed back in the text. Texts written for these tests."""

from __future__ import annotations

from datetime import date

from eventwire import extract

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
