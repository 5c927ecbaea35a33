"""A digest of numbered items, each under a heading line that gives its label, its town and its
day ("ALERT 1, CHATTOGRAM, 16 JULY"): the item's events took place there, on that day, though
their sentences name neither.

Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire import extract

_ITEMS = (
    "Press alerts, weekly digest | Media Safety Desk, Nepal | compiled Saturday 10 May 2025\n\n"
    "This digest gathers the alerts we issued this week about attacks on the press.\n\n"
    "{label} 1, BIRATNAGAR, 5 MAY\n\n"
    "Reporter beaten. Party activists beat a radio reporter with sticks outside the district "
    "court as he was recording an interview, and broke his recorder.\n\n"
    "{label} 2, POKHARA, 7 MAY\n\n"
    "Photographer detained. Police detained a newspaper photographer at his home before "
    "dawn and held him for a day without charge.\n\n"
    "OTHER INFORMATION\n\n"
    "We continue to follow several court cases against journalists.\n"
)


@pytest.mark.parametrize("label", ["ALERT", "INCIDENT", "Alert", "ITEM"])
def test_a_numbered_item_s_heading_gives_its_town_and_day(label: str) -> None:
    events = extract(_ITEMS.format(label=label), published=date(2025, 5, 10))
    got = {(e.sub_event_type, e.location, e.event_date) for e in events}
    assert ("Arrests", "Pokhara", "2025-05-07") in got, got
    assert any(loc == "Biratnagar" and day == "2025-05-05" for _, loc, day in got), got


def test_a_heading_that_says_more_than_its_label_heads_nothing() -> None:
    # "PRESS CLUB STATEMENT, POKHARA" says more than where the item is
    text = _ITEMS.format(label="ALERT").replace("ALERT 2, POKHARA, 7 MAY", "PRESS CLUB STATEMENT")
    events = extract(text, published=date(2025, 5, 10))
    assert not any(e.location == "Pokhara" for e in events)


_DAY_ITEMS = (
    "Military communiqués Nos. 40 to 42 of the defence ministry\n\n"
    "BAMAKO (Nov. 16) - The ministry has issued the following communiqués over the past week.\n\n"
    "Communiqué No. 40 (Friday 8 November)\n\n"
    "Army units shelled the positions of the armed terrorist groups near Aguelhok, inflicting "
    "heavy losses on the enemy.\n\n"
    "Communiqué No. 41 (Sunday 10 November)\n\n"
    "Army units repelled an attack on a patrol near Tessalit. Two soldiers were killed.\n\n"
    "The ministry thanks the population for its support.\n"
)


def test_a_series_of_headings_of_a_day_dates_the_paragraphs_under_them() -> None:
    # a heading line that holds one day and no town dates its items, once two make a series
    events = extract(_DAY_ITEMS, published=date(2024, 11, 16))
    got = {(e.location, e.event_date) for e in events}
    assert ("Aguelhok", "2024-11-08") in got and ("Tessalit", "2024-11-10") in got, got


def test_one_heading_of_a_day_is_no_series() -> None:
    # one line with a day alone is a release's day of issue: it dates nothing under it
    text = _DAY_ITEMS.replace("Communiqué No. 41 (Sunday 10 November)", "Communiqué No. 41")
    events = extract(text, published=date(2024, 11, 16))
    assert ("Aguelhok", "2024-11-08") not in {(e.location, e.event_date) for e in events}


def test_a_numbered_section_heading_with_a_day_dates_its_section() -> None:
    text = (
        "Statement on incidents of violence around the elections\n\n"
        "LILONGWE, 19 September - The commission wishes to update the nation.\n\n"
        "2. Incidents during the campaign\n\n"
        "Unknown people set fire to a school in Karonga on the night of Wednesday 10 "
        "September.\n\n"
        "3. Incidents on polling day, Tuesday 16 September\n\n"
        "At a polling centre in Mangochi, a crowd beat a man accused of carrying marked "
        "ballot papers.\n\n"
        "4. Appeal\n\n"
        "The commission appeals for calm.\n"
    )
    events = extract(text, published=date(2025, 9, 19))
    got = {(e.location, e.event_date) for e in events}
    assert ("Mangochi", "2025-09-16") in got, got


def test_a_heading_told_in_the_telegraphic_passive_is_dated_by_its_paragraph() -> None:
    """A weekly's heading line with a participle, no full stop ("Herder beaten in Gambissar"):
    a heading all the same; the paragraph under it ("On Monday, …") dates its event, not the
    paper's day."""
    text = (
        "Week in the district\n\nREGIONAL WEEKLY | The Valley Observer, Basse | Thursday 13 June "
        "2024\n\nShops closed in Basse\n\nTraders in Basse kept their shops closed on Saturday "
        "over the new market fees.\n\nHerder beaten in Gambissar\n\nOn Monday, a herder was "
        "beaten by a group of farmers in Gambissar after his cattle strayed into their fields, "
        "the police said. He was taken to the health centre.\n"
    )
    events = extract(text, published=date(2024, 6, 13))
    assert [(e.location, e.event_date) for e in events] == [("Gambissar", "2024-06-10")]
