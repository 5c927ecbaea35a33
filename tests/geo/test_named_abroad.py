"""A world city abroad over a small namesake at home when the story names its country."""

from spacy.language import Language

from eventwire.geo import Geoparser


def _first(nlp: Language, geoparser: Geoparser, text: str, name: str, home: str | None):  # type: ignore[no-untyped-def]
    return next(p for p in geoparser.places(nlp(text), home) if p.text == name)


def test_a_countrys_adjective_names_it_for_its_world_city(
    nlp: Language, geoparser: Geoparser
) -> None:
    # an Iowa TV station's (.com) wire story: Paris, Texas (24k) was taken, France being
    # named only by "French"
    text = (
        "NEWARK, N.J. (AP) - An airline has apologized to a French woman who boarded a plane "
        "to San Francisco instead of Paris from a New Jersey airport. She reached Paris after "
        "a layover in San Francisco."
    )
    paris = _first(nlp, geoparser, text, "Paris", None)
    assert paris.country_code == "FR"


def test_a_british_carriers_london_is_the_capital(nlp: Language, geoparser: Geoparser) -> None:
    text = (
        "Cabin crew at British Airways plan to strike before Christmas. Most of the crew "
        "represented by the union work out of London's Heathrow."
    )
    london = _first(nlp, geoparser, text, "London", None)
    assert london.country_code == "GB"


def test_a_local_papers_paris_with_no_france_stays_at_home(
    nlp: Language, geoparser: Geoparser
) -> None:
    text = (
        "PARIS, Ky. -- The Bourbon County fiscal court met on Tuesday. Paris police said "
        "the road near the Paris water plant would close, and Lexington crews would help."
    )
    paris = _first(nlp, geoparser, text, "Paris", None)
    assert paris.country_code == "US"
