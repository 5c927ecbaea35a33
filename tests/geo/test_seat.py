"""A region named as an event's site, moved to its seat (ACLED's and UCDP's coding)."""

from spacy.language import Language

from eventwire.geo import Geoparser
from eventwire.geo.resolve import km
from eventwire.model import Place


def _region(nlp: Language, geoparser: Geoparser, text: str, span: str) -> Place:
    return next(p for p in geoparser.places(nlp(text)) if p.text == span)


def _at(p: Place | None, lat: float, lon: float, within: float = 15.0) -> bool:
    assert p is not None and p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon) <= within


def test_an_oblast_goes_to_its_namesake_city(nlp: Language, geoparser: Geoparser) -> None:
    region = _region(nlp, geoparser, "Artillery hit villages in the Kharkiv region.", "Kharkiv")
    seat = geoparser.seat_place(region)
    assert region.kind == "admin1" and not _at(region, 49.99, 36.23)
    assert seat is not None and _at(seat, 49.99, 36.23)
    assert (seat.start, seat.end, seat.text, seat.kind) == (
        region.start,
        region.end,
        region.text,
        "admin1",
    )
    assert seat.admin1 == region.admin1 == "Kharkiv" and seat.country_code == "UA"
    assert seat.geo_precision == 3 and seat.geonameid is not None
    assert "Kharkiv" in seat.reason and "seat" in seat.reason


def test_an_oblast_enclosing_its_city_goes_to_that_city(
    nlp: Language, geoparser: Geoparser
) -> None:
    region = _region(nlp, geoparser, "Drones were shot down over the Kyiv region.", "Kyiv")
    assert _at(geoparser.seat_place(region), 50.45, 30.52)


def test_a_benin_department_goes_to_its_chef_lieu_or_largest_town(
    nlp: Language, geoparser: Geoparser
) -> None:
    text = "Gunmen attacked a customs post in the Borgou department of Benin."
    seat = geoparser.seat_place(_region(nlp, geoparser, text, "Borgou"))
    assert seat is not None and seat.country_code == "BJ"
    assert _at(seat, 9.34, 2.63)  # Parakou


def test_a_town_filed_under_the_wrong_department_is_no_seat(geoparser: Geoparser) -> None:
    region = geoparser.region_place("Collines", "BJ")
    assert region is not None
    seat = geoparser.seat_place(region)
    # Savalou, Dassa-Zoume, Save, Glazoue: all between 7.7 and 8.1 N, not Come on the coast
    assert seat is not None and seat.latitude is not None and 7.6 < seat.latitude < 8.3


def test_a_us_state_goes_to_its_capital_or_largest_city(
    nlp: Language, geoparser: Geoparser
) -> None:
    text = "Storms flooded roads across Texas, the governor said."
    seat = geoparser.seat_place(_region(nlp, geoparser, text, "Texas"))
    assert _at(seat, 30.27, -97.74) or _at(seat, 29.76, -95.36)  # Austin or Houston


def test_no_seat_for_cities_countries_or_parts_of_a_country(
    nlp: Language, geoparser: Geoparser
) -> None:
    places = geoparser.places(nlp("Protests spread from Lviv across western Ukraine."))
    assert places and all(geoparser.seat_place(p) is None for p in places)


def test_a_town_filed_under_the_wrong_oblast_does_not_stretch_its_box(
    geoparser: Geoparser,
) -> None:
    # cities500 files a village near Kryvyi Rih (33.1 E) under Donetsk oblast (36.6-38.9 E)
    donetsk = geoparser.region_place("Donetsk oblast", "UA")
    assert donetsk is not None and donetsk.longitude is not None and donetsk.longitude > 37.0
