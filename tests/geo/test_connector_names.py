"""Names of several words joined by lower-case connectors ("de los", "do", "dos"), written
without their accents: the longest name the gazetteer knows wins, and a short repeat of it
later in the story is the same place."""

from collections.abc import Callable

from spacy.language import Language

from eventwire.geo import Geoparser
from eventwire.geo.resolve import km
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def _km(p: Place, lat: float, lon: float) -> float:
    assert p.latitude is not None and p.longitude is not None
    return km(p.latitude, p.longitude, lat, lon)


_HAVANA = (
    "HAVANA (Reuters) - Hundreds of Cubans marched through San Antonio de los Banos, a town "
    "southwest of Havana, on Sunday to protest against power cuts and food shortages, witnesses "
    "said. Police detained several dozen people in San Antonio, and protests spread to Palma "
    "Soriano later in the day. The government blamed the United States for the unrest."
)


def test_spanish_name_joined_by_de_los_is_one_place(places_of: Places) -> None:
    found = places_of(_HAVANA)
    town = found["San Antonio de los Banos"]
    assert _km(town, 22.89, -82.51) < 25
    assert "Banos" not in found


def test_a_short_repeat_of_a_long_name_is_that_place(nlp: Language, geoparser: Geoparser) -> None:
    # "San Antonio" after "San Antonio de los Banos" in a Havana story: not Texas
    bare = [p for p in geoparser.places(nlp(_HAVANA)) if p.text == "San Antonio"]
    assert bare and all(_km(p, 22.89, -82.51) < 25 for p in bare)
    assert "shortened" in bare[0].reason


def test_portuguese_names_joined_by_do_and_dos(places_of: Places) -> None:
    text = (
        "SAO PAULO (Reuters) - Workers at an aircraft plant in Sao Jose dos Campos walked out "
        "on Monday, the union said, and farmers blocked a highway outside Sao Jose do Rio Preto."
    )
    found = places_of(text)
    assert _km(found["Sao Jose dos Campos"], -23.18, -45.89) < 25
    assert _km(found["Sao Jose do Rio Preto"], -20.82, -49.38) < 25


def test_names_joined_by_a_y_or_sous_are_one_place(places_of: Places) -> None:
    # French "à" (written "a" without its accent), Spanish "y": one name of several words
    found = places_of("A man was shot dead at a roadblock in Pointe-a-Pitre early on Wednesday.")
    assert found["Pointe-a-Pitre"].country_code == "GP"
    found = places_of("Farmers blocked roads in Castilla y Leon on Monday.")
    assert found["Castilla y Leon"].country_code == "ES"
