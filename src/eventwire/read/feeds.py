"""RSS and Atom feed files in, one `Article` per entry (feedparser), or an InputError each."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

from eventwire.model import Article
from eventwire.read.articles import MAX_BYTES, InputError, binary_problem, too_large, validate_text

FEED_SUFFIXES = (".rss", ".atom")


def articles_from_feed(
    data: bytes, *, name: str, published: date | None = None, source: str | None = None
) -> Iterator[Article | InputError]:
    """Each entry of a feed: its title and summary (or content) as text, HTML tags dropped.

    An entry's own date wins over `published`, the feed's title over `source`.
    """
    if len(data) > MAX_BYTES:
        yield InputError(too_large(len(data)), name)
        return
    problem = binary_problem(data)
    if problem:
        yield InputError(problem, name)
        return
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = getattr(feed, "bozo_exception", None)
        yield InputError(f"no feed entries ({reason or 'not an RSS or Atom feed'})", name)
        return
    outlet = feed.feed.get("title") or source
    for number, entry in enumerate(feed.entries, start=1):
        where = f"{name}#{number}"
        body = ""
        if entry.get("content"):
            body = entry["content"][0].get("value", "")
        body = body or entry.get("summary", "")
        title = _plain(entry.get("title", ""))
        text = "\n\n".join(part for part in (title, _plain(body)) if part)
        try:
            validate_text(text, name=where)
        except InputError as err:
            yield err
            continue
        day = entry.get("published_parsed") or entry.get("updated_parsed")
        yield Article(
            text=text,
            published=date(day.tm_year, day.tm_mon, day.tm_mday) if day else published,
            source=outlet,
            url=entry.get("link"),
            title=title or None,
            name=where,
        )


def _plain(html: str) -> str:
    """The text of an HTML fragment."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(html).text_content().split())
    except Exception:  # an unparsable fragment: keep it as it is
        return html.strip()
