"""A national capital against the small towns of its own country that share its name."""

from collections.abc import Callable

from eventwire.geo.resolve import km
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def _km(p: Place, lat: float, lon: float) -> float:
    assert p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon)


def test_a_wire_storys_capital_is_not_a_namesake_in_the_state_it_names(
    places_of: Places,
) -> None:
    text = (
        "WASHINGTON The Senate passed the farm bill late on Tuesday. Senator Thom Tillis of "
        "North Carolina said growers in Greenville and Raleigh had waited two years for it."
    )
    washington = places_of(text)["WASHINGTON"]
    assert _km(washington, 38.90, -77.04) < 25
    assert "national capital" in washington.reason


def test_a_namesake_the_text_places_stays_itself(places_of: Places) -> None:
    text = "A warehouse burned down in Washington, N.C., on Sunday, the fire chief said."
    washington = places_of(text)["Washington"]
    assert _km(washington, 35.55, -77.05) < 25
