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
