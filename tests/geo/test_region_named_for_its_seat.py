"""A region named for its seat, in a country whose index holds no unit of that name: "Aqraba,
Nablus governorate", or a table's cell under a "governorate" or "province" header. The name is
the region the town lies in, placed at its seat's point with geo_precision 2, never a town of
its own (which would give the sentence's event a second site).

Texts written for these tests."""

from collections.abc import Callable

import pytest

from eventwire import extract
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


@pytest.mark.parametrize(
    ("text", "town", "region"),
    [
        (
            "Soldiers searched homes in Huwara, Nablus governorate, on Monday.",
            "Huwara",
            "Nablus",
        ),
        (
            "Settlers burned two cars in Turmus Ayya, Ramallah governorate.",
            "Turmus Ayya",
            "Ramallah",
        ),
    ],
)
def test_a_governorate_named_for_its_seat_is_a_region(
    places_of: Places, text: str, town: str, region: str
) -> None:
    places = places_of(text)
    assert places[town].kind == "city", places
    assert places[region].kind == "region", places
    assert places[region].geo_precision == 2


_TABLE = (
    "INCIDENTS IN THE REPORTING PERIOD\n\n"
    "| date | governorate | community | incident |\n"
    "|---|---|---|---|\n"
    "| 3 Mar | Nablus | Huwara | search operation, 6 arrested |\n"
    "| 4 Mar | Ramallah | Turmus Ayya | two cars burned by settlers |\n"
)


def test_a_cell_under_a_region_header_is_a_region(places_of: Places) -> None:
    places = places_of(_TABLE)
    assert places["Nablus"].kind == "region", places
    assert places["Huwara"].kind == "city", places


def test_an_event_in_a_town_of_a_governorate_has_one_site() -> None:
    text = (
        "On 3 March, Israeli forces conducted a search operation in Huwara, Nablus "
        "governorate, and arrested six Palestinians.\n\n" + _TABLE
    )
    events = extract(text, published="2025-03-10")
    arrests = [e.location for e in events if e.sub_event_type == "Arrests"]
    assert arrests and all(loc and "Nablus" not in loc for loc in arrests), arrests
