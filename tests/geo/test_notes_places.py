"""Short event notes: towns spaCy tags as people, and ACLED's "Village (Commune, Region)".

Kinds covered: "the streets of X" names a town; "in X" in a note that names no other place
is a place when X is a place's own name; "X (Unknown, Region)" puts X in the region even
when the commune between is a name the gazetteer lacks (no far homonym of X stands).
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def test_the_streets_of_a_town(places_of: Places) -> None:
    text = "12 March. Traders hit the streets of Lokossa and marched to the town hall."
    place = places_of(text).get("Lokossa")
    assert place is not None and place.country_code == "BJ"


def test_in_a_town_in_a_note_naming_nothing_else(places_of: Places) -> None:
    text = "Herders wounded two farmers in Malanville who were taken to the hospital."
    place = places_of(text).get("Malanville")
    assert place is not None and place.country_code == "BJ"


def test_a_village_with_an_unknown_commune_and_its_region(places_of: Places) -> None:
    text = "On 3 May 2022, gunmen abducted a trader near Monsey (Karimama, Alibori)."
    places = places_of(text)
    # Monsey, New York is no reading of a village in Alibori: the region stands alone
    assert "Monsey" not in places or places["Monsey"].country_code == "BJ"
    assert places["Alibori"].country_code == "BJ"
