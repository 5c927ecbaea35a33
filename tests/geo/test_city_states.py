"""A city-state's name is its city: the city's point at geo_precision 1, not the country at 3
(which long stories summarise away as an event known only to its country)."""

from collections.abc import Callable

from eventwire.geo import Geoparser
from eventwire.geo.resolve import km
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def _km(p: Place, lat: float, lon: float) -> float:
    assert p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon)


def test_city_states_are_their_cities(places_of: Places) -> None:
    text = (
        "Customs officers in Singapore seized 40 tonnes of ivory on Tuesday. A ferry from "
        "Macau ran aground off Hong Kong, and a yacht burned in the harbour of Monaco."
    )
    found = places_of(text)
    for name, lat, lon in (
        ("Singapore", 1.29, 103.85),
        ("Hong Kong", 22.28, 114.17),
        ("Monaco", 43.74, 7.42),
        ("Macau", 22.20, 113.55),
    ):
        p = found[name]
        assert p.geo_precision == 1 and p.kind == "city", (name, p.reason)
        assert _km(p, lat, lon) < 10, name
        assert "city-state" in p.reason


def test_a_name_countryinfo_lists_as_its_people_is_still_the_city(places_of: Places) -> None:
    gibraltar = places_of("A tanker caught fire off Gibraltar on Sunday.")["Gibraltar"]
    assert gibraltar.geo_precision == 1 and gibraltar.kind == "city"


def test_an_adjective_and_bigger_countries_stay_countries(places_of: Places) -> None:
    found = places_of(
        "Singaporean troops landed in Djibouti, and Luxembourg sent a frigate's crew."
    )
    assert found["Singaporean"].geo_precision == 3  # the state's people, not a place in it
    assert found["Luxembourg"].geo_precision == 3  # 2,586 km²: not one city
    assert found["Djibouti"].geo_precision == 3  # the country, named as its capital


def test_only_small_countries_named_as_their_capital(geoparser: Geoparser) -> None:
    states = set(geoparser.gazetteer.city_state_ids)
    assert {"SG", "HK", "MC", "MO", "GI", "SM", "VA"} <= states
    assert not states & {"LU", "DJ", "KW", "MT", "BH"}  # too big, or the capital named otherwise
