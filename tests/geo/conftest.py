"""Geo fixtures: the geoparser (and its index) loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from eventwire.geo import Geoparser, load_geoparser
from eventwire.model import Place


@pytest.fixture(scope="session")
def geoparser() -> Geoparser:
    return load_geoparser()


@pytest.fixture(scope="session")
def places_of(nlp: Language, geoparser: Geoparser):  # type: ignore[no-untyped-def]
    """Parse a text and return its places, as a dict text -> first place with that text."""

    def run(text: str) -> dict[str, Place]:
        found: dict[str, Place] = {}
        for p in geoparser.places(nlp(text)):
            found.setdefault(p.text, p)
        return found

    return run
