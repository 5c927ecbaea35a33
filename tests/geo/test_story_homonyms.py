"""Homonyms the story itself decides.

Kinds covered: a world city abroad whose country the story names beats a village of the
article's country (a Kentucky paper's "Paris" when France is named); a local paper's
"Paris" with no France named stays its own; "in Russia, U.S. officials said" is a list of
countries, not Russia inside the US; a name placed in its region once ("Edmonton, Ky.")
keeps that reading when named bare later (one sense per story).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language

from eventwire.geo import Geoparser
from eventwire.model import Place

Places = Callable[[str], dict[str, Place]]


def test_paris_is_france_s_when_the_story_names_france(places_of: Places) -> None:
    text = (
        "GEORGETOWN, Ky. - A doctor from Georgetown is in France on a family trip. She was "
        "near the boulevard in Paris when shots were fired, she said from her hotel."
    )
    assert places_of(text)["Paris"].country_code == "FR"


def test_a_kentucky_paper_s_paris_stays_kentucky_s(places_of: Places) -> None:
    text = (
        "GEORGETOWN, Ky. - A new bakery opened in Paris on Friday, and the mayor of Georgetown "
        "said a second one will open in Lexington next spring."
    )
    assert places_of(text)["Paris"].country_code == "US"


def test_two_countries_after_a_comma_are_a_list(places_of: Places) -> None:
    text = (
        "WASHINGTON - The former officer lent credence to reports on business ties in "
        "Russia, U.S. officials said on Wednesday, and the World Cup went to Moscow."
    )
    places = places_of(text)
    assert places["Russia"].kind == "country" and places["Russia"].country_code == "RU"
    assert places["Moscow"].country_code == "RU"


def test_a_name_placed_in_its_region_keeps_that_sense(nlp: Language, geoparser: Geoparser) -> None:
    text = (
        "Edmonton, Ky. (Nov. 28) - State police received a call on Sunday about a missing man. "
        "The man, of Edmonton, was found about half a mile off the road."
    )
    found = [p for p in geoparser.places(nlp(text)) if p.text == "Edmonton"]
    assert len(found) == 2 and all(p.admin1 == "Kentucky" for p in found)
