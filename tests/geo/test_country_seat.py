"""An event known only to its country, coded at the capital (TAXONOMY.md: geo_precision 3 =
only a larger region, "coded to its capital or centre")."""

from spacy.language import Language

from eventwire.geo import Geoparser
from eventwire.geo.resolve import km
from eventwire.model import Place


def _at(p: Place | None, lat: float, lon: float, within: float = 15.0) -> bool:
    assert p is not None and p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon) <= within


def test_a_country_only_event_stands_at_the_capital(geoparser: Geoparser) -> None:
    place = geoparser.country_place("BJ")
    assert _at(place, 6.50, 2.60)  # Porto-Novo, not the middle of Benin
    assert place is not None and place.kind == "country" and place.geo_precision == 3
    assert place.country_code == "BJ" and place.name == "Benin"
    assert "capital Porto-Novo" in place.reason


def test_a_named_country_moves_to_its_capital(nlp: Language, geoparser: Geoparser) -> None:
    text = "Teachers went on strike across Mali on Monday to demand higher pay."
    mali = next(p for p in geoparser.places(nlp(text)) if p.text == "Mali")
    assert not _at(mali, 12.65, -8.00)  # a country's own point, as a toponym
    seat = geoparser.seat_place(mali)
    assert _at(seat, 12.65, -8.00)  # Bamako
    assert seat is not None and (seat.start, seat.end) == (mali.start, mali.end)
    assert seat.geo_precision == 3 and "capital Bamako" in seat.reason


def test_a_country_without_a_capital_keeps_its_point(geoparser: Geoparser) -> None:
    place = geoparser.country_place("AQ")  # Antarctica: no capital
    assert place is None or place.geo_precision == 3
