"""A bare dateline town anchors the story: its small neighbours come before bigger namesakes
elsewhere in the country."""

from collections.abc import Callable

from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def test_a_town_near_the_dateline_before_a_bigger_namesake(places_of: Places) -> None:
    text = (
        "HARTFORD — A water main broke in Manchester on Monday, flooding several streets, "
        "officials said."
    )
    assert places_of(text)["Manchester"].admin1 == "Connecticut"


def test_a_big_city_far_from_the_dateline_stays_itself(places_of: Places) -> None:
    text = "HARTFORD — The governor flew to Chicago on Monday to meet union leaders."
    assert places_of(text)["Chicago"].admin1 == "Illinois"


def test_a_dateline_after_the_headline_on_its_line(places_of: Places) -> None:
    text = (
        "Main breaks in town. HARTFORD — A water main broke in Manchester on Monday, "
        "flooding several streets, officials said."
    )
    assert places_of(text)["Manchester"].admin1 == "Connecticut"
