"""Short wire headlines and ACLED-style notes: Russian forms, oblast names, Luhansk villages."""

from collections.abc import Callable

from eventwire.geo.names import loose, skeleton
from eventwire.geo.resolve import km
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def _near(p: Place, lat: float, lon: float, within: float = 25.0) -> bool:
    assert p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon) <= within


def test_loose_key_equates_soft_sign_and_russian_forms() -> None:
    assert loose("Verkhnyokamianka") == loose("Verkhnokamianka")
    assert loose("Kamenka-Dneprovskaya") == loose("Kamianka-Dniprovska")
    assert loose("Novotroitskoye") == loose("Novotroitske")
    assert skeleton("Khan Younis") == skeleton("Khan Yunis")


def test_russian_alias_of_a_big_city_in_a_bare_headline(places_of: Places) -> None:
    place = places_of("Overnight shelling of Nikolaev leaves a school damaged")["Nikolaev"]
    assert place.country_code == "UA" and _near(place, 46.97, 31.99)


def test_russian_spelling_of_a_small_ukrainian_town(places_of: Places) -> None:
    place = places_of("Two men died in Kamenka-Dniprovska after a drone strike")[
        "Kamenka-Dniprovska"
    ]
    assert place.country_code == "UA" and place.admin1 == "Zaporizhia"


def test_city_alias_names_its_oblast_with_region(places_of: Places) -> None:
    place = places_of("A farm was hit in the Zaporozhye region from artillery")["Zaporozhye"]
    assert place.kind == "admin1" and place.admin1 == "Zaporizhia"


def test_oblast_tagged_org_is_still_the_oblast(places_of: Places) -> None:
    place = places_of("Drones attacked Kherson Oblast 40 times on Sunday")["Kherson Oblast"]
    assert place.kind == "admin1" and place.geo_precision == 3


def test_luhansk_oblast_villages_come_from_katottg(places_of: Places) -> None:
    text = "On 2 May 2023, troops shelled near Stelmakhivka, Luhansk."
    found = places_of(text)
    assert found["Stelmakhivka"].admin1 == "Luhansk"
    assert found["Luhansk"].kind == "admin1"


def test_soft_sign_spelling_of_a_luhansk_village(places_of: Places) -> None:
    found = places_of("Troops attacked near Verkhnyokamianka, Luhansk, at dawn.")
    assert found["Verkhnyokamianka"].admin1 == "Luhansk"


def test_alias_spelled_with_other_vowels(places_of: Places) -> None:
    found = places_of("Tanks moved into Khan Younis in the southern Gaza Strip.")
    assert found["Khan Younis"].country_code == "PS" and _near(found["Khan Younis"], 31.34, 34.31)


def test_region_names_of_the_separatist_years(places_of: Places) -> None:
    found = places_of("Three militiamen were killed in DPR, and two in the Lugansk Republic.")
    assert found["DPR"].kind == "admin1" and found["DPR"].admin1 == "Donetsk"
    assert found["Lugansk Republic"].admin1 == "Luhansk"


def test_donbas_lies_between_donetsk_and_luhansk(places_of: Places) -> None:
    place = places_of("Two soldiers were killed in the Donbass on Tuesday.")["Donbass"]
    assert place.geo_precision == 3 and _near(place, 48.3, 38.55, within=60)


def test_place_inside_an_org_span_after_a_preposition(places_of: Places) -> None:
    text = "A strike of the Armed Forces of Ukraine on Novodruzhesk killed a man."
    assert places_of(text)["Novodruzhesk"].admin1 == "Luhansk"
