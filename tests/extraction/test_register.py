"""A story's register: an event-data coder's note (rules-led) or news (coder-led)."""

from __future__ import annotations

import pytest

from eventwire.extraction.facts import is_note


@pytest.mark.parametrize(
    "text",
    [
        "On 14 March 2021, unidentified gunmen killed two farmers near the river in Dosso.",
        "Movement of forces: On 2 May 2023, armed men on motorbikes were seen near the park.",
        "Around 23 November 2022 (week of), a herder was killed in a dispute over cattle.",
        "Between 3 and 5 June 2019, soldiers clashed with militants in the forest.",
        "19 April 2019. Security forces used tear gas to disperse a rally in the capital.",
        "  On 1 January 2024, a drone struck a fuel depot in the port.",
    ],
)
def test_a_coders_note_opens_with_the_events_day(text: str) -> None:
    assert is_note(text)


@pytest.mark.parametrize(
    "text",
    [
        "KABUL, Afghanistan (Nov. 18, 2010) — A combined patrol repelled an attack today.",
        "Rebels seize border town\n\nGOMA, May 3 (Reuters) - Rebels took the town on Sunday.",
        "Police fired tear gas at students who marched on parliament on Tuesday.",
        "On Sunday, gunmen killed three villagers, officials said.",
        "One of the worst attacks this year, on 12 May 2021, left ten dead in the market.",
    ],
)
def test_news_is_no_note(text: str) -> None:
    assert not is_note(text)
