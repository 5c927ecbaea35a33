"""Lists of "town, state" pairs: the state closes a pair, the next town opens another."""

from collections.abc import Callable

from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def test_a_town_after_a_state_in_a_list_is_in_its_own_state(places_of: Places) -> None:
    text = (
        "The company runs clinics in Frankfort and Lexington, Kentucky, Richmond, Virginia, "
        "and Raleigh, North Carolina."
    )
    assert places_of(text)["Richmond"].admin1 == "Virginia"


def test_the_next_pair_after_a_state_of_the_same_list(places_of: Places) -> None:
    text = "Tornadoes hit Paducah and Bowling Green, Kentucky, Jackson, Tennessee, and Tupelo."
    assert places_of(text)["Jackson"].admin1 == "Tennessee"


def test_a_region_and_its_country_stay_one_chain(places_of: Places) -> None:
    found = places_of("Shelling hit Zvanivka, Donetsk, Ukraine, overnight.")
    assert found["Donetsk"].kind == "admin1" and found["Zvanivka"].admin1 == "Donetsk"
