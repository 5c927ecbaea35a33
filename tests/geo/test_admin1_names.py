"""First-level divisions carry the English names ACLED and analysts write."""

from __future__ import annotations

import pytest

from eventwire.geo import Geoparser
from eventwire.geo.build import english_name


@pytest.mark.parametrize(
    ("cc", "code", "name"),
    [
        ("RU", "09", "Belgorod"),  # Belgorodskaya oblast': the seat's name
        ("RU", "41", "Kursk"),
        ("RU", "48", "Moscow"),  # the city; the oblast around it is told apart
        ("RU", "47", "Moscow Oblast"),
        ("EG", "11", "Cairo"),  # Al Qāhirah
        ("EG", "03", "Beheira"),  # Al Buḩayrah
        ("SD", "29", "Khartoum"),
        ("NG", "27", "Borno"),
        ("SY", "09", "Aleppo"),  # Ḩalab
        ("SY", "13", "Damascus"),  # Dimashq
        ("MM", "10", "Sagaing"),
        ("ML", "04", "Mopti"),
        ("ML", "08", "Tombouctou"),  # a Latin name stays as it is
        ("CD", "11", "North Kivu"),  # Nord-Kivu
        ("BJ", "07", "Alibori"),
        ("YE", "02", "Aden"),  # ‘Adan
        ("YE", "08", "Al Hudaydah"),
        ("SO", "09", "Lower Juba"),  # Jubbada Hoose
        ("UA", "07", "Kharkiv"),  # data/admin1_names.tsv
        ("UA", "26", "Zaporizhia"),
    ],
)
def test_admin1_english_names(geoparser: Geoparser, cc: str, code: str, name: str) -> None:
    entry = geoparser.gazetteer.admin1(cc, code)
    assert entry is not None and entry.name == name


def test_the_local_names_still_find_their_division(geoparser: Geoparser) -> None:
    exact, _ = geoparser.gazetteer.lookup("Al Qahirah")
    assert any(e.kind == "admin1" and e.country_code == "EG" for e in exact)
    exact, _ = geoparser.gazetteer.lookup("Belgorodskaya oblast'")
    assert any(e.kind == "admin1" and e.name == "Belgorod" for e in exact)


def test_english_name_rules() -> None:
    # an English "X Governorate" alias gives X for a scholarly romanised name
    assert english_name("Ḩalab", ["Aleppo Governorate", "حلب"]) == "Aleppo"
    # the same name spelt otherwise is no English name: the plain local one stays
    assert english_name("Nangarhār", ["Nangarhor Province"]) == "Nangarhar"
    # the local name plus a generic word: already English
    assert english_name("Zamfara", ["Zamfara State"]) == "Zamfara"
    # a seat whose adjective names the oblast
    assert english_name("Kurskaya oblast'", [], [("Kursk", {"kursk"})]) == "Kursk"
    # a Latin name with nothing better stays
    assert english_name("Atacora", ["Atakora", "Atakora Department"]) == "Atacora"
