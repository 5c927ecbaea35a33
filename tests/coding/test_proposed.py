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


def _long_story(event_line: str) -> str:
    """A live blog of more than a short report's sentences, with a march its cue words tell,
    around one entry."""
    quiet = [
        "Thousands of students are marching through the old town of Vilnius.",
        "Opposition parties have rejected the result.",
        "The interior minister has cancelled a visit abroad, his office says.",
        "The national football team's match on Thursday has been postponed.",
        "Shops in the old town have closed early.",
        "The health ministry says its hospitals are ready.",
        "Trams are running again on the main lines.",
        "The president is expected to speak on television tomorrow.",
        "The square is largely empty now.",
        "Power has been restored in the eastern districts.",
        "Schools will reopen on Monday, the mayor says.",
    ]
    lines = [f"Tue 7 May, {9 + i}:15 — {t}" for i, t in enumerate(quiet[:5])]
    lines.append(f"Tue 7 May, 14:50 — {event_line}")
    lines += [f"Tue 7 May, {15 + i}:30 — {t}" for i, t in enumerate(quiet[5:])]
    return "Live: the capital after the vote\n\nLIVE UPDATES — Vilnius, all times local.\n\n" + (
        "\n".join(lines)
    )


def test_a_long_storys_event_in_words_the_cues_lack() -> None:
    """A long story's sentence with no cue word, where a crowd or a force acts, is read by the
    coder; an event it is sure of becomes one ("Youths have set … ablaze"), dated by its entry."""
    events = eventwire.extract(
        _long_story("Youths have set the ground floor of the presidency in Vilnius ablaze."),
        published="2024-05-08",
    )
    riots = [e for e in events if e.sub_event_type == "Violent demonstration"]
    assert [(e.event_date, e.location) for e in riots] == [("2024-05-07", "Vilnius")]
    assert any(e.reason.startswith("coder: Violent demonstration") for e in riots[0].evidence)


def test_a_long_storys_sentence_where_a_force_acts_but_nothing_happens() -> None:
    """… but a sentence the coder does not read as an event stays none."""
    events = eventwire.extract(
        _long_story("Police officers in Vilnius say they are tired after a long week."),
        published="2024-05-08",
    )
    assert [e.sub_event_type for e in events] == ["Peaceful protest"]


def test_a_long_story_the_rules_read_no_event_in_is_not_read_sentence_by_sentence() -> None:
    """A long story with no event the rules can read is rarely about one (a local paper's
    news, where police act in every other story): the coder does not read it line by line."""
    story = _long_story("Youths have set the ground floor of the presidency in Vilnius ablaze.")
    story = story.replace("Thousands of students are marching through", "Tourists are visiting")
    assert eventwire.extract(story, published="2024-05-08") == []
