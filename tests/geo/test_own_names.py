"""A city called by its own name against a bigger city that bears the name only as an alternate
or a near spelling ("Dili" is not Delhi)."""

from collections.abc import Callable

from eventwire.geo.resolve import km
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def _km(p: Place, lat: float, lon: float) -> float:
    assert p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon)


def test_a_capital_by_its_own_name_is_no_alternate_of_a_bigger_city(places_of: Places) -> None:
    dili = places_of("Dili")["Dili"]  # a bare name, nothing else to go by
    assert _km(dili, -8.56, 125.57) < 25, dili.reason
    dili = places_of("Fishermen in Dili said the fuel price had doubled since March.")["Dili"]
    assert _km(dili, -8.56, 125.57) < 25, dili.reason


def test_a_city_of_its_own_beside_the_one_it_is_an_alias_of(places_of: Places) -> None:
    text = "The delegation flew on to New Delhi after the talks, an official said."
    assert _km(places_of(text)["New Delhi"], 28.61, 77.21) < 5
    sakata = places_of("Heavy snow closed the port of Sakata on Monday.")["Sakata"]
    assert _km(sakata, 38.92, 139.84) < 25  # Japan's Sakata, not Jakarta


def test_the_big_citys_own_name_still_names_it(places_of: Places) -> None:
    delhi = places_of("Smog closed schools in Delhi on Tuesday.")["Delhi"]
    assert _km(delhi, 28.65, 77.23) < 25


def test_a_name_the_text_places_is_left_to_the_ranking(places_of: Places) -> None:
    # "X, India": the text says which country; the alternate name stands there
    found = places_of("Police arrested three men in Dili, India, on Friday.")
    assert found["Dili"].country_code == "IN"
