"""A part of a city named with the city's possessive ("Toronto's Pearson International
Airport", "Cairo's Shubra neighbourhood"): a place at that city, near it (geo_precision 2),
whether or not the gazetteer knows the part's name."""

from collections.abc import Callable

from eventwire.geo.resolve import km
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def _km(p: Place, lat: float, lon: float) -> float:
    assert p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon)


def test_an_airport_after_its_citys_possessive(places_of: Places) -> None:
    text = "Snow grounded dozens of flights at Toronto's Pearson International Airport on Friday."
    airport = places_of(text)["Pearson International Airport"]
    assert _km(airport, 43.70, -79.42) < 30 and airport.geo_precision == 2
    assert "Toronto" in airport.reason


def test_a_neighbourhood_after_its_citys_possessive(places_of: Places) -> None:
    text = "A bomb went off outside a bakery in Cairo's Shubra neighbourhood late on Monday."
    part = places_of(text)["Shubra"]
    assert _km(part, 30.06, 31.25) < 30 and part.geo_precision == 2


def test_a_park_after_its_citys_possessive(places_of: Places) -> None:
    text = "Hundreds of people gathered in Sacramento's Land Park to remember the victims."
    assert _km(places_of(text)["Land Park"], 38.58, -121.49) < 30


def test_a_known_name_far_away_is_the_citys_part(places_of: Places) -> None:
    # cities500 knows only a Heathrow in Florida
    text = "Baggage handlers at London's Heathrow walked out on Monday over pay."
    assert _km(places_of(text)["Heathrow"], 51.47, -0.45) < 40


def test_a_title_after_a_possessive_is_no_place(places_of: Places) -> None:
    text = "Toronto's Mayor John Tory and Canada's Prime Minister met in Ottawa on Friday."
    found = places_of(text)
    assert not {"Mayor John Tory", "Prime Minister", "Mayor"} & set(found)


def test_a_neighbourhood_named_as_a_district_of_its_city(places_of: Places) -> None:
    # "the X neighbourhood of Y": a part of Y, though a far country has a unit called X
    text = (
        "A bomb went off outside the police post of the El Paraiso neighbourhood of Ventanas "
        "on Tuesday night."
    )
    part = places_of(text)["El Paraiso"]
    assert _km(part, -1.45, -79.46) < 30 and part.geo_precision == 2
    assert "Ventanas" in part.reason


def test_an_area_or_quarter_of_a_city_named_like_a_province_abroad(places_of: Places) -> None:
    # "the X area of Y": a part of Y, though Iraq has a province called Salah ad Din
    text = (
        "Fighting spread on Tuesday to the Salah al-Din area of Tripoli, Libya, and to Abu Salim."
    )
    part = places_of(text)["Salah al-Din"]
    assert part.country_code == "LY" and _km(part, 32.89, 13.19) < 30, part
    assert part.geo_precision == 2 and "Tripoli" in part.reason
    # (with Tripoli read as its district, the part is no place rather than Iraq's province)
    text = "Fighting spread on Tuesday to the Salah al-Din area of Tripoli and to Abu Salim."
    assert (
        places_of(text).get("Salah al-Din") is None
        or places_of(text)["Salah al-Din"].country_code == "LY"
    )
    # … and a division of the city's own country stays no part of it
    text = "Toronto's Ontario health-card holders queued on Friday."
    assert "Ontario" not in places_of(text) or places_of(text)["Ontario"].geo_precision != 2


def test_a_district_before_a_comma_and_its_unit_keeps_its_own_point(places_of: Places) -> None:
    # "X district, Y regency" names X's unit, not a city X is a part of
    text = "A driver was shot dead in Beoga district, Puncak regency, on Saturday."
    assert _km(places_of(text)["Beoga"], -3.84, 137.17) < 30


def test_a_part_named_again_is_the_same_part(nlp, geoparser) -> None:  # type: ignore[no-untyped-def]
    # "the Oktyabrsky district of Bishkek", then its court and its hostels: Bishkek's part
    # each time, not the Russian town of that name
    text = (
        "On 13 May, a fight broke out in a hostel in the Oktyabrsky district of Bishkek. "
        "On 28 May, the Oktyabrsky district court placed three men under house arrest. "
        "A crowd gathered near the hostels in the Oktyabrsky district on 17 May."
    )
    parts = [p for p in geoparser.places(nlp(text)) if p.text == "Oktyabrsky"]
    assert len(parts) == 3
    assert all(p.country_code == "KG" and _km(p, 42.87, 74.59) < 30 for p in parts), parts
