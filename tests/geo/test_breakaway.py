"""Breakaway entities and informal regions (data/region_names.tsv), found and coded at their
seats; national capitals known to the gazetteer."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.geo import Geoparser
from eventwire.geo.resolve import km
from eventwire.model import Place


def _site(nlp: Language, geoparser: Geoparser, text: str, name: str) -> Place:
    place = next(p for p in geoparser.places(nlp(text)) if p.text == name)
    return geoparser.seat_place(place) or place


def _at(p: Place, lat: float, lon: float, within: float = 15.0) -> bool:
    assert p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon) <= within


@pytest.mark.parametrize(
    ("text", "name", "country", "lat", "lon"),
    [
        ("Two soldiers were killed in the DPR on Sunday.", "DPR", "UA", 48.02, 37.80),
        ("Shelling hit the LNR overnight.", "LNR", "UA", 48.57, 39.31),
        (
            "Fighting flared in the Donetsk People's Republic.",
            "Donetsk People's Republic",
            "UA",
            48.02,
            37.80,
        ),
        ("Clashes in South Ossetia killed two soldiers.", "South Ossetia", "GE", 42.23, 43.97),
        ("Shots were fired in Transdniestria.", "Transdniestria", "MD", 46.84, 29.63),
        ("Militias clashed in Puntland on Friday.", "Puntland", "SO", 8.41, 48.48),
        ("Protesters marched in Somaliland.", "Somaliland", "SO", 9.56, 44.06),
        ("Two soldiers were killed in Darfur.", "Darfur", "SD", 13.63, 25.35),
        ("Separatists attacked a checkpoint in Ambazonia.", "Ambazonia", "CM", 4.16, 9.24),
    ],
)
def test_a_breakaway_entity_sits_at_its_seat(
    nlp: Language, geoparser: Geoparser, text: str, name: str, country: str, lat: float, lon: float
) -> None:
    site = _site(nlp, geoparser, text, name)
    assert site.country_code == country and site.geo_precision == 3
    assert _at(site, lat, lon), site


def test_a_region_of_two_seats_is_coded_at_the_larger(nlp: Language, geoparser: Geoparser) -> None:
    text = "Two militiamen were killed in shelling in Donbass."
    place = next(p for p in geoparser.places(nlp(text)) if p.text == "Donbass")
    assert not _at(place, 48.02, 37.80, within=30)  # the region: between Donetsk and Luhansk
    seat = geoparser.seat_place(place)
    assert seat is not None and _at(seat, 48.02, 37.80)  # the event: at Donetsk, the largest
    assert "Donetsk" in seat.reason


def test_a_region_name_opening_a_headline_is_found(nlp: Language, geoparser: Geoparser) -> None:
    # spaCy tags a sentence-initial "Donbass" as a common noun; a hand-listed region stands
    places = geoparser.places(nlp("Donbass situation worsens, two militiamen dead"))
    assert [p.name for p in places] == ["Donbas"]


def test_national_capitals_are_known(geoparser: Geoparser) -> None:
    gaz = geoparser.gazetteer
    assert gaz.names_capital("Kiev", "UA") and gaz.names_capital("Kyiv", "UA")
    assert gaz.names_capital("Khartoum", "SD") and gaz.names_capital("Damascus", "SY")
    assert gaz.names_capital("Naypyidaw", "MM") and gaz.names_capital("Moscow", "RU")
    assert not gaz.names_capital("Kharkiv", "UA") and not gaz.names_capital("Damascus", "US")
