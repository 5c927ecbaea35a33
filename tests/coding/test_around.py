"""A force moved or a security measure taken: no event of its own in a long story, told around
the story's events; an event (a change to activity) in a report about the measure itself."""

from __future__ import annotations

import eventwire

CHANGE = "Change to group/activity"

_STORY = (
    "Riots shake market town after disputed mayoral vote\n\n"
    "KOLDA, Senegal (Wire) - Hundreds of supporters of a defeated candidate set fire to tyres "
    "and stoned the town hall in Kolda on Monday, police said. "
    "Police fired tear gas to disperse them. "
    "The governor said eight officers were hurt. "
    "The candidate has rejected the result and called for a recount. "
    "Electoral officials said the count had been fair. "
    "The town has a population of about 80,000 and lies on the Casamance river. "
    "Its market supplies much of the region with rice and cashews. "
    "A dusk-to-dawn curfew was imposed on Kolda on Monday evening. "
    "Two hundred gendarmes were deployed to the town on Tuesday, the interior ministry said. "
    "Reinforcements also arrived from Ziguinchor on Tuesday. "
    "Schools in the town were closed on Tuesday. "
    "Traders said business had been slow for weeks before the vote. "
    "The electoral commission is to publish final results next week. "
    "Observers from a regional body praised the calm on polling day."
)


def test_a_curfew_and_troops_sent_in_a_long_story_are_no_events() -> None:
    events = eventwire.extract(_STORY, published="2022-01-25")
    kinds = [e.sub_event_type for e in events]
    assert CHANGE not in kinds
    assert "Violent demonstration" in kinds  # the riot the measures answer is kept


def test_a_report_about_a_curfew_codes_it() -> None:
    for text in (
        "Security measures: On 12 November 2022, a curfew was put in place in Kandi (Kandi, "
        "Alibori). Travel is now restricted from 10 pm.",
        "Authorities imposed a dusk-to-dawn curfew in Kolda on Monday after two nights of "
        "unrest, the governor said.",
    ):
        events = eventwire.extract(text, published="2022-11-14")
        assert [e.sub_event_type for e in events] == [CHANGE], text
