"""Names that the gazetteer holds as small towns but that stand for something else where they
are: a month beside a day's number ("Nov 12" is not Nov, Tajikistan), a product's name before
the noun it names ("Apache helicopters" are not from Apache, Oklahoma), a people's name used as
a name ("the Arab Israeli town" is not Arab, Alabama). A place used before another noun keeps
its place ("a Queens native", "the Mochudi showground"), and so does a town spaCy mislabels a
people where it stands as a place."""

from collections.abc import Callable

from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def test_a_month_beside_a_day_is_no_place(places_of: Places) -> None:
    found = places_of("PESHAWAR, Nov 12: The death toll from the car bomb in Charsadda rose to 21.")
    assert "Nov" not in found and "Charsadda" in found
    assert "Sept" not in places_of("KABUL, Sept. 25 (Reuters) - Thousands fled the town of Ghazni.")
    assert "Dec" not in places_of("Gunmen attacked a bus near Quetta on 3 Dec, police said.")


def test_a_product_before_its_noun_is_no_place(places_of: Places) -> None:
    found = places_of("The army said Apache helicopters had struck hideouts south of El Arish.")
    assert "Apache" not in found


def test_a_people_as_an_adjective_is_no_place(places_of: Places) -> None:
    found = places_of("Police detained two residents of the Arab Israeli town of Tayibe overnight.")
    assert "Arab" not in found and found["Tayibe"].country_code == "IL"


def test_a_place_before_a_noun_keeps_its_place(places_of: Places) -> None:
    found = places_of("A Queens native, the governor was born in New York City.")
    assert found["Queens"].country_code == "US"
    # spaCy calls this one a people (NORP, an adjective)
    found = places_of(
        "On Friday, the Botswana Defence Force set up a camp at the Mochudi showground."
    )
    assert found["Mochudi"].country_code == "BW"


def test_a_town_spacy_calls_a_people_stays_a_place(places_of: Places) -> None:
    found = places_of(
        "Late on Monday, soldiers detained three men at a checkpoint on the main road into "
        "Chilapa who were carrying two pistols, the prosecutor's office in Guerrero said."
    )
    assert found["Chilapa"].country_code == "MX"
