"""Place descriptions with no sentence around them: a bare name, "A/B", "A, south of B",
"A district, B province", "village of A near B" (tests/geo/data/bare-places.jsonl and texts
written here)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from spacy.language import Language

from eventwire.geo import Geoparser
from eventwire.geo.geocode import described_place
from eventwire.geo.resolve import km
from eventwire.model import Place

DATA = Path(__file__).parent / "data" / "bare-places.jsonl"


def _described(nlp: Language, geoparser: Geoparser, text: str) -> Place | None:
    return described_place(geoparser.places(nlp(text)))


def test_bare_descriptions_resolve_within_25_km(nlp: Language, geoparser: Geoparser) -> None:
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    assert len(rows) == 150 and len({r["country"] for r in rows}) >= 25
    misses = []
    for row, doc in zip(rows, nlp.pipe(r["text"] for r in rows), strict=True):
        place = described_place(geoparser.places(doc))
        d = (
            km(place.latitude, place.longitude, row["lat"], row["lon"])
            if place is not None and place.latitude is not None and place.longitude is not None
            else float("inf")
        )
        if d > 25:
            misses.append(f"{row['text']!r}: {place.name if place else None}, {d:.0f} km")
    # first run, before recognition without a sentence: 124/150 (.827); floor .95
    assert len(misses) <= 7, misses


@pytest.mark.parametrize(
    ("text", "lat", "lon"),
    [
        ("Kyiv", 50.45, 30.52),  # a bare name: spaCy reads it as an adjective
        ("Uman", 48.75, 30.22),  # ... and this one as a common noun
        ("Semihatka/Henichesk", 46.17, 34.80),  # a village and its hromada centre, 6 km apart
        ("Chuhuiv, south of Kharkiv", 49.84, 36.69),  # the place, not the one that locates it
        ("Bar, Montenegro", 42.09, 19.10),
        ("Split", 43.51, 16.44),
        ("Jenin", 32.46, 35.30),  # GeoNames's Janīn, not a Polish hamlet named Jenin
    ],
)
def test_described_place(
    nlp: Language, geoparser: Geoparser, text: str, lat: float, lon: float
) -> None:
    place = _described(nlp, geoparser, text)
    assert place is not None and place.latitude is not None and place.longitude is not None
    assert km(place.latitude, place.longitude, lat, lon) < 25, place.reason


def test_names_in_a_table_cell_are_places(nlp: Language, geoparser: Geoparser) -> None:
    text = "date\tlocation\n2022-03-01\tIrpin/Bucha\n2022-03-02\tIzium, Kharkiv oblast\n"
    names = {p.text for p in geoparser.places(nlp(text))}
    assert {"Irpin", "Bucha", "Izium", "Kharkiv"} <= names


def test_the_place_that_locates_another_picks_its_homonym(
    nlp: Language, geoparser: Geoparser
) -> None:
    # "village of A near B": A is looked for near B
    place = _described(nlp, geoparser, "village of Klishchiivka near Bakhmut")
    assert place is not None and place.admin1 == "Donetsk"


def test_a_name_unknown_near_its_anchor_gives_way_to_the_anchor(
    nlp: Language, geoparser: Geoparser
) -> None:
    # no Mokha near Taiz in the index: Taiz, not a loose match in India
    place = _described(nlp, geoparser, "Mokha/Taiz")
    assert place is not None and place.country_code == "YE"


def test_a_direction_word_of_a_description_is_no_place(nlp: Language, geoparser: Geoparser) -> None:
    places = geoparser.places(nlp("Miranshah, North Waziristan"))
    assert all(p.text != "North" for p in places)


@pytest.mark.parametrize(
    "text",
    [
        "Split the bill and leave a nice tip at the bar.",
        "Nice work, said Mary, as the bar closed.",
        "Most of the police left. Split decisions followed.",
        "Mary Jones",  # a byline: two capitalised words, not two places
        "Police Arrest Man",  # a title-case headline
    ],
)
def test_common_words_in_sentences_stay_common_words(
    nlp: Language, geoparser: Geoparser, text: str
) -> None:
    assert geoparser.places(nlp(text)) == []
