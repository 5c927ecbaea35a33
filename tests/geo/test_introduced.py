"""A settlement the gazetteer lacks, introduced by a town it has, stands at that town."""

import pytest
from spacy.language import Language

import eventwire
from eventwire.geo import Geoparser


def _places(nlp: Language, geoparser: Geoparser, text: str) -> list[tuple[str, str, int]]:
    return [(p.text, p.name, p.geo_precision) for p in geoparser.places(nlp(text))]


@pytest.mark.parametrize(
    ("text", "village", "town"),
    [
        (
            "Kassoumbougou is a village of rice farmers about 40 km west of Niono. "
            "Gunmen surrounded Kassoumbougou on Tuesday.",
            "Kassoumbougou",
            "Niono",
        ),
        (
            "Rebels attacked Dobaleka, a small farming town near Lubero, on Monday.",
            "Dobaleka",
            "Lubero",
        ),
        (
            "The village of Ngarimbi, 25 kilometres north of Kolda, was burned.",
            "Ngarimbi",
            "Kolda",
        ),
        # where it lies, in brackets
        (
            "For weeks, people in Sinchu Banta (about 12 km south of Brikama) have protested. "
            "Police arrested seven men in Sinchu Banta on Tuesday.",
            "Sinchu Banta",
            "Brikama",
        ),
    ],
)
def test_a_village_told_by_its_town_stands_there(
    nlp: Language, geoparser: Geoparser, text: str, village: str, town: str
) -> None:
    found = [p for p in _places(nlp, geoparser, text) if p[0] == village]
    assert found and all(name == town and precision == 2 for _, name, precision in found)


@pytest.mark.parametrize(
    "text",
    [
        # too far to stand for it
        "Kassoumbougou is a village about 140 km west of Niono.",
        # a person told by a village role, a date, a worker
        "Moussa Traore, a village chief near Niono, said the road was cut.",
        "On Monday 19 February, a community health worker was shot near Niono.",
        "It is a village 20 km from Niono.",
    ],
)
def test_no_stand_in_for_a_far_town_a_person_or_a_date(
    nlp: Language, geoparser: Geoparser, text: str
) -> None:
    assert [p for p in _places(nlp, geoparser, text) if p[1] == "Niono" and p[0] != "Niono"] == []


def test_an_event_in_such_a_village_is_coded_at_its_town() -> None:
    (event,) = eventwire.extract(
        "Kassoumbougou is a village of rice farmers about 40 km west of Niono, in the Segou "
        "region. On Friday 9 October, jihadists attacked Kassoumbougou and killed six hunters.",
        published="2020-10-17",
    )
    assert (event.location, event.geo_precision) == ("Niono", 2)
    assert any("Kassoumbougou" in e.reason for e in event.evidence if e.field == "location")


@pytest.mark.parametrize(
    ("text", "precision"),
    [
        (
            "Fighting broke out near La Victoria, a Venezuelan town on the Arauca river about "
            "30 km east of Guasdualito. Aircraft bombed farms south of La Victoria on Monday.",
            2,
        ),
        # further than a stand-in may lie, and still the nearest place the text names
        (
            "Fighting broke out near La Victoria, a Venezuelan town on the Arauca river about "
            "70 km east of Guasdualito.",
            3,
        ),
    ],
)
def test_a_namesake_far_from_the_town_gives_way(
    nlp: Language, geoparser: Geoparser, text: str, precision: int
) -> None:
    found = [p for p in _places(nlp, geoparser, text) if p[0] == "La Victoria"]
    assert found and all(p[1:] == ("Guasdualito", precision) for p in found), found


def test_a_known_place_by_its_town_stays_itself(nlp: Language, geoparser: Geoparser) -> None:
    found = _places(nlp, geoparser, "Rebels attacked Goma, a city near Gisenyi, on Monday.")
    assert ("Goma", "Goma", 1) in found, found


def test_each_village_of_a_list_stands_at_the_town(nlp: Language, geoparser: Geoparser) -> None:
    text = "Rebels burned the villages of Kipese, Mbau and Kalunguta, about 20 km north of Beni."
    found = {p[0]: p[1:] for p in _places(nlp, geoparser, text)}
    for village in ("Kipese", "Mbau", "Kalunguta"):
        assert found.get(village) == ("Beni", 2), found
