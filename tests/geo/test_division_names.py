"""First-level divisions named by their own name: not the country that holds them, not a
town spelt like them."""

from collections.abc import Callable

from eventwire.geo.resolve import km
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def _near(p: Place, lat: float, lon: float, within: float) -> bool:
    assert p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon) <= within


def test_a_home_nation_is_its_division_not_the_united_kingdom(places_of: Places) -> None:
    # countryinfo files a record "Wales" under GB: it named the UK, 250 km from Wales
    text = "The Welsh government promised new money for rural schools across Wales on Tuesday."
    wales = places_of(text)["Wales"]
    assert wales.kind == "admin1" and wales.name == "Wales"
    assert _near(wales, 52.3, -3.7, 100)


def test_a_division_named_exactly_beats_a_town_only_spelt_like_it(places_of: Places) -> None:
    # "Wales" loosely matches Ciudad Valles (Mexico, 124k): a near tie that only the
    # division's handicap against its namesake towns had given to the loose spelling
    text = (
        "Cristiano Ronaldo won the award in Paris on Monday, ahead of Lionel Messi and of "
        "Gareth Bale, a semifinalist at Euro 2016 with Wales."
    )
    wales = places_of(text)["Wales"]
    assert wales.country_code == "GB" and wales.kind == "admin1"


def test_a_loose_spelling_still_beats_a_hamlet_of_the_exact_name(places_of: Places) -> None:
    zap = places_of("Shelling hit Zaporizhzhia overnight, the governor said.")["Zaporizhzhia"]
    assert _near(zap, 47.85, 35.12, 25)


def test_a_state_in_a_story_of_its_country_is_not_a_town_named_like_it_elsewhere(
    places_of: Places,
) -> None:
    # Delaware, Ohio (38k) outscored the state of Delaware on its size
    text = (
        "LOUISVILLE, Ky. -- The firm said it formed a Delaware limited liability company to "
        "buy the apartments in Orlando, Florida, and another in Nashville, Tennessee."
    )
    delaware = places_of(text)["Delaware"]
    assert delaware.kind == "admin1" and _near(delaware, 39.0, -75.5, 100)


def test_a_state_in_a_list_of_states_is_the_state(places_of: Places) -> None:
    text = (
        "The ranchers in Missouri looked for land from mid-Ohio to the western borders of "
        "Montana and Wyoming before they settled near Paris, Mo."
    )
    wyoming = places_of(text)["Wyoming"]
    assert wyoming.kind == "admin1" and _near(wyoming, 43.0, -107.5, 161)


def test_the_town_the_text_calls_a_town_keeps_its_name(places_of: Places) -> None:
    text = "Police in the city of Delaware, Ohio, closed two streets after a gas leak on Monday."
    delaware = places_of(text)["Delaware"]
    assert delaware.kind == "city" and _near(delaware, 40.30, -83.07, 25)


def test_a_governors_place_is_the_state(places_of: Places) -> None:
    text = (
        "The bill was signed by New York Gov. Kathy Hochul in Albany on Friday, and Texas "
        "Governor Greg Abbott criticised it from Austin."
    )
    found = places_of(text)
    assert found["New York"].kind == "admin1" and _near(found["New York"], 43.0, -75.5, 161)
    assert found["Texas"].kind == "admin1"


def test_new_york_alone_is_still_the_city(places_of: Places) -> None:
    new_york = places_of("Protesters marched through New York on Saturday.")["New York"]
    assert new_york.kind == "city" and _near(new_york, 40.71, -74.01, 25)
