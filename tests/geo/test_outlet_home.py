"""The outlet's home country decides a local paper's homonyms; bare-named second-level units.

Kinds covered: a country-code web domain as the outlet's home ("www.nlhnews.co.uk" -> GB);
a London borough's "Edmonton" in a UK paper; an English county named bare ("Essex").
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.geo import Geoparser
from eventwire.geo.outlet import outlet_home


@pytest.mark.parametrize(
    ("source", "home"),
    [
        ("www.cbc.ca", "CA"),
        ("https://www.nlhnews.co.uk/news/123", "GB"),
        ("http://www.abc.net.au/news", "AU"),
        ("www.reuters.com", None),
        ("Reuters", None),
        ("https://example.tv/x", None),
        (None, None),
    ],
)
def test_outlet_home_from_its_domain(source: str | None, home: str | None) -> None:
    assert outlet_home(source) == home


TEXT = (
    "Detectives have charged an Edmonton woman with fraud. A man from Edmonton was charged "
    "with handling stolen goods and will appear before magistrates in Essex next month."
)


def test_a_uk_paper_s_edmonton_is_london_s(nlp: Language, geoparser: Geoparser) -> None:
    places = geoparser.places(nlp(TEXT), home="GB")
    edmonton = next(p for p in places if p.text == "Edmonton")
    essex = next(p for p in places if p.text == "Essex")
    assert edmonton.country_code == "GB" and essex.country_code == "GB"


def test_without_a_home_the_big_edmonton_stands(nlp: Language, geoparser: Geoparser) -> None:
    places = geoparser.places(nlp(TEXT))
    assert next(p for p in places if p.text == "Edmonton").country_code == "CA"
