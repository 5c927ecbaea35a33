"""The dateline's outlet is the source when nothing else gives one."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.read.dateline import dateline_outlet, with_dateline_source

STORY = "Russian forces shelled Kharkiv on Monday, killing two civilians, the governor said."


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("DUBAI, Feb 6 (Reuters) - Iran said", "Reuters"),
        ("KYIV, Ukraine (AP) — Russian forces", "Associated Press"),
        ("Strikes on Gaza\n\nGAZA CITY (AFP) - Israeli jets", "Agence France-Presse"),
        ("KYIV (reuters) - x", "Reuters"),
        ("KYIV (Kyiv Local Daily) - an outlet we do not know", None),
        ("Officials (unnamed) - said nothing", None),  # not a dateline
        ("LVIV, Ukraine — Russia and Ukraine kept talking", None),  # a dateline naming none
        (STORY + " (AP) -", None),
    ],
)
def test_dateline_outlet(text: str, outlet: str | None) -> None:
    assert dateline_outlet(text) == outlet


def test_the_source_given_wins() -> None:
    text = "KYIV, Ukraine (AP) — " + STORY
    assert with_dateline_source(Article(text=text)).source == "Associated Press"
    assert with_dateline_source(Article(text=text, source="Wire")).source == "Wire"


def test_extracted_events_carry_the_dateline_outlet() -> None:
    from eventwire import extract

    found = extract("KHARKIV, Ukraine (Reuters) - " + STORY, published="2022-03-14")
    assert found and all(e.sources == ["Reuters"] for e in found)
    found = extract("KHARKIV, Ukraine (Reuters) - " + STORY, published="2022-03-14", source="X")
    assert all(e.sources == ["X"] for e in found)
