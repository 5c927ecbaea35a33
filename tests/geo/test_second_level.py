"""Second-level units (districts, counties, communes) and "X district, Y province".

Texts written for this test (own sentences, in the style of military press releases and wire
copy); they were committed before the geoparser was run on them. The province is what a
reader of such a release is sure of: it must be the right one whether or not the district is
known, and a district, when found, must lie in it.
"""

from collections.abc import Callable

import pytest

from eventwire.geo.names import fold
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]

# (text, district as written, province as written, country, accepted names of the province)
DISTRICT_PROVINCE = [
    (
        "A patrol detained two suspected insurgents in Nad Ali district, Helmand province, "
        "on Tuesday.",
        "Nad Ali",
        "Helmand",
        "AF",
        {"helmand", "hilmand"},
    ),
    (
        "Security forces found a weapons cache in Arghandab district, Kandahar province, "
        "yesterday.",
        "Arghandab",
        "Kandahar",
        "AF",
        {"kandahar", "qandahar"},
    ),
    (
        "An air weapons team engaged insurgents planting a roadside bomb in Khugyani district, "
        "Nangarhar province, today.",
        "Khugyani",
        "Nangarhar",
        "AF",
        {"nangarhar", "ningarhar"},
    ),
    (
        "A combined force arrested a Taliban facilitator in Andar district, Ghazni province.",
        "Andar",
        "Ghazni",
        "AF",
        {"ghazni"},
    ),
    (
        "Gunmen attacked a checkpoint in Tal Afar district, Nineveh province, police said.",
        "Tal Afar",
        "Nineveh",
        "IQ",
        {"nineveh", "ninawa", "ninava", "ninawa governorate"},
    ),
    (
        "Two soldiers died when a bomb exploded in Baiji district, Salahuddin province.",
        "Baiji",
        "Salahuddin",
        "IQ",
        {"salah ad din", "salahuddin", "saladin", "salah al din"},
    ),
    (
        "Militants stormed a police post in Kech district, Balochistan province, on Sunday.",
        "Kech",
        "Balochistan",
        "PK",
        {"balochistan", "baluchistan"},
    ),
    (
        "Al-Shabaab fighters clashed with troops in Afgooye district, Lower Shabelle region.",
        "Afgooye",
        "Lower Shabelle",
        "SO",
        {"lower shabelle", "lower shabeelle", "shabeellaha hoose"},
    ),
    (
        "Insurgents raided a village in Gwoza district, Borno state, residents said.",
        "Gwoza",
        "Borno",
        "NG",
        {"borno"},
    ),
]


@pytest.mark.parametrize("text,district,province,cc,names", DISTRICT_PROVINCE)
def test_district_comma_province_names_the_right_province(
    places_of: Places, text: str, district: str, province: str, cc: str, names: set[str]
) -> None:
    places = places_of(text)
    region = places[province]
    assert region.country_code == cc and fold(region.admin1 or "") in names, region
    found = places.get(district)
    if found is not None:  # a district, when found, lies in the province the text names
        assert found.country_code == cc and fold(found.admin1 or "") in names, found


# A province named alone ("in Kunar province") and its capital's namesake ("Kandahar province",
# not the city) resolve to the province.
PROVINCE_ALONE = [
    ("Two insurgents were killed in Kunar province on Friday.", "Kunar", "AF", {"kunar", "konar"}),
    ("Rockets landed in Kandahar province overnight.", "Kandahar", "AF", {"kandahar"}),
    ("A convoy was ambushed in Diyala province.", "Diyala", "IQ", {"diyala"}),
    ("Floods hit Khyber Pakhtunkhwa province.", "Khyber Pakhtunkhwa", "PK", {"khyber pakhtunkhwa"}),
]


@pytest.mark.parametrize("text,province,cc,names", PROVINCE_ALONE)
def test_province_alone(
    places_of: Places, text: str, province: str, cc: str, names: set[str]
) -> None:
    region = places_of(text)[province]
    assert region.country_code == cc and fold(region.admin1 or "") in names, region
    assert region.kind == "admin1"


def test_district_found_lies_in_its_province_not_a_homonym_elsewhere(places_of: Places) -> None:
    # Khugyani is also a place in Kandahar; Arghandab a district of Zabul as well
    text = (
        "Coalition forces cleared compounds in Khugyani district, Nangarhar province, and in "
        "Arghandab district, Kandahar province, officials said."
    )
    places = places_of(text)
    assert fold(places["Khugyani"].admin1 or "") in {"nangarhar", "ningarhar"}
    assert fold(places["Arghandab"].admin1 or "") in {"kandahar", "qandahar"}


def test_a_county_is_placed_amid_its_places_and_says_so(places_of: Places) -> None:
    text = "A tornado damaged dozens of homes in Laurel County, Kentucky, on Saturday."
    county = places_of(text)["Laurel County"]
    assert county.country_code == "US" and county.admin1 == "Kentucky"
    assert county.geo_precision == 2 and "centre" in county.reason
