"""RSS and Atom feeds: a broken entry is named and every good entry kept."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.read import InputError, articles_from_feed

HEAD = b'<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>Wire</title>\n'
TAIL = b"</channel></rss>\n"
FIRST = (
    b"<item><title>Shelling hits market in Kharkiv</title><description>Russian artillery"
    b" shelled a market in Kharkiv on Sunday, killing four people.</description>"
    b"<pubDate>Mon, 03 Mar 2025 10:00:00 GMT</pubDate></item>\n"
)
THIRD = (
    b"<item><title>Drone strike on Sumy</title><description>Russian drones struck a fuel depot"
    b" in Sumy on Sunday, killing two people.</description></item>\n"
)


@pytest.mark.parametrize(
    ("broken", "reason"),
    [
        (
            b"<title>Odesa port hit</title><!-- unclosed <description>Drones.</description>",
            "unclosed",
        ),
        (b"<title><![CDATA[Odesa port hit</title><description>Drones.</description>", "CDATA"),
        (b"<title>Odesa port hit</title><description>Drones.</title>", "mismatched tag"),
        (
            b"<title>Odesa port hit</title><description>Drones &nbsp; struck.</description>",
            "entity",
        ),
    ],
)
def test_a_malformed_middle_entry_is_named_and_the_others_kept(broken, reason):
    feed = HEAD + FIRST + b"<item>" + broken + b"</item>\n" + THIRD + TAIL
    first, bad, third = articles_from_feed(feed, name="wire.rss")
    assert isinstance(first, Article) and first.title == "Shelling hits market in Kharkiv"
    assert first.source == "Wire" and str(first.published) == "2025-03-03"
    assert isinstance(third, Article) and third.title == "Drone strike on Sumy"
    assert third.source == "Wire"
    assert isinstance(bad, InputError) and bad.source == "wire.rss#2"
    assert str(bad).startswith('malformed feed entry "Odesa port hit"') and reason in str(bad)


def test_a_well_formed_feed_is_read_as_before():
    items = list(articles_from_feed(HEAD + FIRST + THIRD + TAIL, name="wire.rss"))
    assert [a.title for a in items if isinstance(a, Article)] == [
        "Shelling hits market in Kharkiv",
        "Drone strike on Sumy",
    ]


def test_an_unclosed_title_does_not_become_the_outlet_of_the_good_entries():
    # feedparser's lenient reading takes the broken entry's text for the channel's title
    broken = b"<item><title>Odesa port hit<description>Drones & more.</item>\n"
    first, bad, third = articles_from_feed(HEAD + FIRST + broken + THIRD + TAIL, name="w.rss")
    assert isinstance(first, Article) and isinstance(third, Article)
    assert first.source == third.source == "Wire"
    assert isinstance(bad, InputError) and str(bad).startswith("malformed feed entry")
