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


def test_a_list_closed_by_and_is_no_town_and_its_container(places_of: Places) -> None:
    # "Nyanga, Philippi and Gugulethu": three townships listed; Philippi (a name the
    # gazetteer has only in the United States) holds no Nyanga, and stays no place abroad
    text = (
        "Minibus taxi drivers began a strike in Cape Town on Thursday. Strikers blocked roads "
        "in Nyanga, Philippi and Gugulethu, stoned vehicles and set buses alight near Cape "
        "Town, police in Cape Town and Stellenbosch said."
    )
    found = places_of(text)
    assert "Philippi" not in found or found["Philippi"].country_code == "ZA", found
