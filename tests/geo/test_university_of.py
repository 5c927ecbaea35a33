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
