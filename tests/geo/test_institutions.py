"""Places named inside other names, and divisions written as abbreviations after a place.

Kinds covered: an institution "of" a place ("University of Michigan"), a broadcaster's
station ("CTV Winnipeg"), a national or provincial body ("Environment Canada"), a body whose
name starts with its place after "the" ("the Queensland Police Service"); postal and press
abbreviations of states and provinces after a place ("Melville, Sask.", "LOUISVILLE, KY").
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


@pytest.mark.parametrize(
    ("text", "name", "cc"),
    [
        (
            "The study was led by a professor at the University of Manitoba last spring.",
            "Manitoba",
            "CA",
        ),
        (
            "The Government of Alberta signed the agreement with two firms on Tuesday.",
            "Alberta",
            "CA",
        ),
        ("A spokesperson told CTV Winnipeg that the shelter was full.", "Winnipeg", "CA"),
        ("Snow is on the way, Environment Canada warned in a statement.", "Canada", "CA"),
        ("The Queensland Police Service said the car was found near a river.", "Queensland", "AU"),
        (
            "The Plymouth County Sheriff's Office investigated a theft of tools.",
            "Plymouth County",
            "US",
        ),
        ("The appeal was filed by the Innocence Project of Texas in March.", "Texas", "US"),
    ],
)
def test_a_place_named_inside_an_institution_is_named(
    places_of: Places, text: str, name: str, cc: str
) -> None:
    place = places_of(text).get(name)
    assert place is not None and place.country_code == cc


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The Alliance of Automobile Manufacturers welcomed the rule on Monday.", "Alliance"),
        ("He studied at the Bowman Gray School of Medicine for four years.", "Bowman"),
        ("Patients are seen at the Edwards Comprehensive Cancer Center downtown.", "Edwards"),
    ],
)
def test_a_small_town_s_name_heading_an_organisation_is_no_place(
    places_of: Places, text: str, word: str
) -> None:
    assert word not in places_of(text)


@pytest.mark.parametrize(
    ("text", "name", "division"),
    [
        ("A couple from Melville, Sask. believes the cat is theirs.", "Sask", "Saskatchewan"),
        ("NEWARK, N.J. (AP) - The airline apologised to a passenger.", "N.J.", "New Jersey"),
        ("LOUISVILLE, KY -- The company reported higher sales.", "KY", "Kentucky"),
        ("They bought a brick home in Barrie, Ont., with a garage.", "Ont", "Ontario"),
        ("EDMONTON, Ky (WBKO) -- A fire destroyed a store overnight.", "Ky", "Kentucky"),
    ],
)
def test_an_abbreviated_division_after_its_place(
    places_of: Places, text: str, name: str, division: str
) -> None:
    place = places_of(text).get(name)
    assert place is not None and place.kind == "admin1" and place.name == division


def test_the_place_before_the_abbreviation_lies_in_that_division(places_of: Places) -> None:
    place = places_of("EDMONTON, Ky (WBKO) -- A fire destroyed a store overnight.")["EDMONTON"]
    assert place.country_code == "US" and place.admin1 == "Kentucky"


def test_a_country_inside_an_organisation_s_name(places_of: Places) -> None:
    text = "DETROIT The U.S. Transportation Department on Wednesday named a new panel."
    place = places_of(text).get("U.S.")
    assert place is not None and place.kind == "country" and place.country_code == "US"


def test_two_towns_spacy_joins_with_or(places_of: Places) -> None:
    text = (
        "Police in Queensland said the man is driving south to Ingham or Townsville in a "
        "white sedan."
    )
    places = places_of(text)
    assert places.get("Townsville") is not None and places["Townsville"].country_code == "AU"


def test_a_list_of_divisions_is_no_division_inside_another(places_of: Places) -> None:
    text = (
        "Prices fell in oil-producing provinces such as Alberta, Saskatchewan and "
        "Newfoundland, the realtors in Toronto said."
    )
    places = places_of(text)
    assert places.get("Alberta") is not None and places["Alberta"].kind == "admin1"


def test_a_state_beats_a_foreign_town_when_the_story_names_its_country(places_of: Places) -> None:
    text = (
        "Moscow said the talks with Washington were over. Sen. Marco Rubio of Florida said "
        "the United States should answer Russia; the Arizona Republican agreed in Moscow."
    )
    places = places_of(text)
    assert places.get("Florida") is not None and places["Florida"].country_code == "US"


def test_a_word_joined_to_a_person_by_a_dash_stays_a_place(places_of: Places) -> None:
    text = (
        "Recounts were sought in two states narrowly won by Mr Trump - Wisconsin and "
        "Pennsylvania. One election official in Wisconsin said they are ready."
    )
    assert "Wisconsin" in places_of(text)


@pytest.mark.parametrize(
    "text",
    [
        "Security sources blamed a cell of the Sinaloa Cartel for the ambush near Fresnillo.",
        "The Jalisco New Generation Cartel denied any part in the ambush near Fresnillo.",
        "Fighters of the Kachin Army and the Tigray Militia were seen near Fresnillo.",
        # a guard named for a place or a thing ("Coast" is also a region of Tanzania)
        "A Coast Guard vessel stopped a small boat near Fresnillo on Thursday.",
    ],
)
def test_an_armed_group_named_for_a_place_is_no_place(places_of: Places, text: str) -> None:
    # the group's name, not where anything happened
    assert set(places_of(text)) == {"Fresnillo"}


def test_a_division_beats_a_small_town_whose_name_only_opens_with_it(places_of: Places) -> None:
    found = places_of("Fighting spread across Sinaloa on Monday.")
    assert found["Sinaloa"].kind == "admin1"
    # a spelling of a town's own name stays the town
    assert places_of("Tadjourah")["Tadjourah"].kind == "city"
