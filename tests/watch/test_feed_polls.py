"""Feed polling: the feed list, and conditional GETs against a loopback server."""

from __future__ import annotations

from pathlib import Path

import pytest
from loopback import Loopback

from eventwire.watch.checkpoint import FeedState
from eventwire.watch.feeds import poll_feed, read_feed_list

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Steppe Herald</title>
<item><title>Shelling in Nikopol</title><description>Russian forces shelled Nikopol on Sunday,
killing one man, the regional governor said.</description></item></channel></rss>"""


def test_the_feed_list_takes_urls_and_skips_comments(tmp_path: Path) -> None:
    path = tmp_path / "feeds.txt"
    path.write_text(
        "# wires\nhttps://a.example/rss\n\n  http://b.example/atom  \nhttps://a.example/rss\n"
    )
    assert read_feed_list(str(path)) == ["https://a.example/rss", "http://b.example/atom"]
    path.write_text("https://a.example/rss\nftp://c.example/feed\n")
    with pytest.raises(ValueError, match=r"feeds.txt:2: not an http\(s\) URL: ftp://c"):
        read_feed_list(str(path))


def test_a_second_poll_is_a_conditional_get_answered_304(loopback: Loopback) -> None:
    loopback.feed = FEED
    first = poll_feed(FeedState(loopback.url + "/feed.xml"))
    assert first.status == "200" and first.body == FEED
    assert first.state.etag and first.state.last_modified and first.state.body_hash
    second = poll_feed(first.state)
    assert second.status == "304" and second.body is None and second.state == first.state
    asked = loopback.gets()[1]
    assert asked.headers["If-None-Match"] == first.state.etag
    assert asked.headers["If-Modified-Since"] == first.state.last_modified
    assert asked.status == 304
    loopback.feed = FEED.replace(b"one man", b"two men")  # the feed changed: read again
    third = poll_feed(second.state)
    assert third.status == "200" and third.body == loopback.feed


def test_a_server_without_validators_gives_the_same_body_unchanged(loopback: Loopback) -> None:
    loopback.feed, loopback.validators = FEED, False
    first = poll_feed(FeedState(loopback.url + "/feed.xml"))
    assert first.status == "200" and first.state.etag is None
    again = poll_feed(first.state)
    assert again.status == "unchanged" and again.body is None


def test_a_failed_poll_says_why(loopback: Loopback) -> None:
    missing = poll_feed(FeedState(loopback.url + "/nothing.xml"))
    assert missing.status == "failed: HTTP 404 Not Found" and missing.body is None
    refused = poll_feed(FeedState("http://127.0.0.1:9/feed.xml"), timeout=2)
    assert refused.status.startswith("failed: ") and "refused" in refused.status.lower()
