"""A university named for its place names the place, also where spaCy's organisation runs on
past it ("the University of Nebraska Medical Center")."""

from collections.abc import Callable

from eventwire.geo.resolve import km
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def _km(p: Place, lat: float, lon: float) -> float:
    assert p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon)


def test_a_state_university_whose_name_runs_on(places_of: Places) -> None:
    text = (
        "Researchers at the University of Nebraska Medical Center said the vaccine trial "
        "would enrol 300 volunteers."
    )
    assert places_of(text)["Nebraska"].country_code == "US"


def test_a_city_university_whose_name_runs_on(places_of: Places) -> None:
    text = "A professor at the University of Toronto Faculty of Law said the ruling was narrow."
    assert _km(places_of(text)["Toronto"], 43.70, -79.42) < 25


def test_the_state_not_a_town_named_for_it_and_a_word(places_of: Places) -> None:
    # "Michigan Center" is a town of 4k in Michigan
    text = "Experts at the University of Michigan Center for Ethics said the audit was sound."
    found = places_of(text)
    assert "Michigan Center" not in found
    assert found["Michigan"].kind == "admin1"
