"""HTML pages: the article's text, even from markup nested deeper than lxml reads."""

from __future__ import annotations

import logging

import pytest

from eventwire.read import InputError
from eventwire.read.html import MAX_DEPTH, article_from_html, flattened

BODY = (
    "<p>Russian forces shelled the city of Kharkiv on Monday, killing three civilians and"
    " wounding seven, regional officials said.</p><p>Emergency crews worked through the night"
    " to clear the rubble of a school hit in the strike, the governor said.</p>"
)


def page(depth: int, body: str = BODY) -> bytes:
    return (
        "<html><head><title>Shelling in Kharkiv</title></head><body>"
        + "<div>" * depth
        + body
        + "</div>" * depth
        + "</body></html>"
    ).encode()


@pytest.mark.parametrize("depth", [3, 300, 5_000])
def test_nested_markup_keeps_its_text(depth: int, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        article = article_from_html(page(depth), name="deep.html")
    assert article.title == "Shelling in Kharkiv"
    assert "killing three civilians" in article.text and "clear the rubble" in article.text
    assert not [r for r in caplog.records if r.name.startswith("trafilatura")]  # no stray lines


def test_a_page_with_no_text_says_so_in_one_line() -> None:
    with pytest.raises(InputError) as raised:
        article_from_html(page(5_000, "<script>var x;</script>"), name="deep.html")
    assert str(raised.value) == "no article text found in the HTML (nested 5,003 elements deep)"
    assert raised.value.source == "deep.html"
    with pytest.raises(InputError, match="^no article text found in the HTML$"):
        article_from_html(page(3, "<script>var x;</script>"), name="shallow.html")


def test_flattened_keeps_text_attributes_and_void_tags_within_the_depth() -> None:
    markup = '<div class="a">' * 300 + "Tom &amp; Jerry<br><img src='x.png'/>" + "</div>" * 300
    flat, depth = flattened(markup)
    assert depth == 300
    assert flat.count("<div") == flat.count("</div>") == MAX_DEPTH
    assert "Tom &amp; Jerry<br><img src='x.png'/>" in flat
