"""An article the rules find no event in: the coder's surest event sentence becomes one."""

from __future__ import annotations

import eventwire


def test_a_confirmed_arrest_the_cues_miss() -> None:
    (event,) = eventwire.extract(
        "Today, coalition forces confirmed the arrest of a Taliban commander during an "
        "operation in Nad Ali district, Helmand province, Sunday.",
        published="2012-05-09",
    )
    assert event.sub_event_type == "Arrests"
    assert event.event_date == "2012-05-06"
    assert any(e.reason.startswith("coder: Arrests") for e in event.evidence)


def test_nothing_is_proposed_for_a_budget_or_a_flood() -> None:
    for text in (
        "The finance minister presented the budget to parliament on Tuesday.",
        "Floodwaters swept away forty homes and killed eleven people in the valley.",
    ):
        assert eventwire.extract(text, published="2020-06-01") == []


def test_a_detail_told_after_the_event_is_no_event_of_its_own() -> None:
    story = (
        "Gunmen attacked a police post in Kidal on Monday, killing two officers, officials "
        "said.\n\nNo civilians were injured during the operation in Tessalit on Monday."
    )
    places = [e.location for e in eventwire.extract(story, published="2024-05-07")]
    assert "Kidal" in places and "Tessalit" not in places
