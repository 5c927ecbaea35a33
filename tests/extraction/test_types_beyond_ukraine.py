"""Event types and actors of events outside Ukraine: what ACLED codes by the nature of the
target and of the agent (armed or not), not by the weapon alone. Texts are our own."""

import pytest

import eventwire
from eventwire.model import Event


def events_of(text: str) -> list[Event]:
    return eventwire.extract(text, published="2023-05-10")


def kinds(text: str) -> list[tuple[str, str]]:
    return [(e.event_type, e.sub_event_type) for e in events_of(text)]


def test_a_mobs_killing_stays_mob_violence_and_targets_a_civilian():
    events = events_of(
        "On 7 May 2023, a crowd of residents beat a suspected cattle thief to death "
        "in the market of Parakou."
    )
    assert [(e.event_type, e.sub_event_type) for e in events] == [("Riots", "Mob violence")]
    assert events[0].actor1 == "Rioters (Benin)"
    assert events[0].civilian_targeting


def test_a_number_of_people_killing_a_thief_is_mob_violence_even_with_a_toll():
    assert kinds(
        "On 7 May 2023, a number of people killed a suspected motorbike thief "
        "by burning him alive in Bohicon."
    ) == [("Riots", "Mob violence")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an armed gang's arson with deaths is an attack, not a riot
        (
            "Gangs set fire to a police station and several houses in Cite Soleil on Sunday, "
            "killing at least nine people.",
            ("Violence against civilians", "Attack"),
        ),
        # an armed group's clash with the police is a battle
        (
            "On Sunday, gang members clashed with police in the Delmas district of Port-au-Prince.",
            ("Battles", "Armed clash"),
        ),
        # the same words by an unarmed crowd are a riot
        (
            "On Sunday, angry youths set fire to the town hall in Kandi.",
            ("Riots", "Violent demonstration"),
        ),
    ],
)
def test_riot_words_by_an_armed_group_are_no_riot(text, expected):
    assert kinds(text)[0] == expected
