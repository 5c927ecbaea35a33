"""Known towns that spaCy's NER tags DATE, TIME or CARDINAL in a place position ("In X on 12
March", "By 10 a.m. in X"): still places; real dates and numbers there stay none."""

from collections.abc import Callable

from eventwire.geo.resolve import km
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]

_LEAD = "Security forces were on alert across the region after weeks of unrest. "


def _km(p: Place, lat: float, lon: float) -> float:
    assert p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon)


def test_a_town_run_into_a_date_after_in_is_a_place(places_of: Places) -> None:
    # spaCy tags "Oyem on 12 March" as one DATE
    found = places_of(_LEAD + "In Oyem on 12 March, a crowd gathered outside the prefecture.")
    assert _km(found["Oyem"], 1.60, 11.58) < 25


def test_a_town_before_a_distance_is_a_place(places_of: Places) -> None:
    # "Bria, 40 km to the east" comes out DATE
    found = places_of(_LEAD + "In Bria, 40 km to the east, a mine exploded under a truck.")
    assert _km(found["Bria"], 6.54, 21.99) < 25


def test_a_town_after_a_clock_time_is_a_place(places_of: Places) -> None:
    # "10 a.m. in Dori" is one TIME
    found = places_of(_LEAD + "By 10 a.m. in Dori, the market was empty and the shops shut.")
    assert _km(found["Dori"], 14.04, -0.03) < 25


def test_months_and_weekdays_after_in_stay_dates(places_of: Places) -> None:
    found = places_of("The talks resumed in March and again on Sunday. In May, the army withdrew.")
    assert not {"March", "Sunday", "May"} & set(found)
