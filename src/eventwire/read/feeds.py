"""RSS and Atom feed files in, one `Article` per entry (feedparser), or an InputError each."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from eventwire.model import Article
from eventwire.read.articles import MAX_BYTES, InputError, binary_problem, too_large, validate_text

FEED_SUFFIXES = (".rss", ".atom")
_ENTRY_START = re.compile(rb"<(?:item|entry)[\s>]", re.I)
_ENTRY_END = re.compile(rb"</(?:item|entry)\s*>", re.I)
_TITLE = re.compile(rb"<title[^>]*>(?:<!\[CDATA\[)?(.*?)(?:\]\]>)?</title>", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")


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
    entries: list[Any] = list(feed.entries)
    if _malformed(feed):
        # feedparser's lenient reading loses what follows a broken entry and makes a stub of
        # it: each entry is read again alone, and one that is still malformed is reported
        entries = list(_entries_one_by_one(data))
        # the lenient reading can give the channel a broken entry's text as its title
        head = data[: next(_ENTRY_START.finditer(data)).start()]
        outlet = feedparser.parse(head).feed.get("title") or source
    for number, entry in enumerate(entries, start=1):
        where = f"{name}#{number}"
        if isinstance(entry, InputError):
            entry.source = where
            yield entry
            continue
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


def _malformed(feed: Any) -> bool:
    """Whether feedparser met broken XML (not merely, say, a wrong declared encoding)."""
    from xml.sax import SAXException

    return bool(feed.get("bozo")) and isinstance(feed.get("bozo_exception"), SAXException)


def _entries_one_by_one(data: bytes) -> Iterator[Any]:
    """Each entry of a malformed feed, parsed alone inside the feed's own head and tail, or an
    InputError naming it (by its title where one can be seen) and saying what is wrong."""
    import feedparser

    starts = [m.start() for m in _ENTRY_START.finditer(data)]
    ends = list(_ENTRY_END.finditer(data))
    tail_from = ends[-1].end() if ends and ends[-1].end() > starts[-1] else len(data)
    head, tail = data[: starts[0]], data[tail_from:]
    for start, stop in zip(starts, [*starts[1:], tail_from], strict=True):
        chunk = data[start:stop]
        closing = list(_ENTRY_END.finditer(chunk))
        if closing:  # what follows the entry's end tag belongs to no entry
            chunk = chunk[: closing[-1].end()]
        alone = feedparser.parse(head + chunk + tail)
        if _malformed(alone) or len(alone.entries) != 1:
            err = alone.get("bozo_exception")
            reason = err.getMessage() if hasattr(err, "getMessage") else err or "no entry found"
            yield InputError(f"malformed feed entry{_seen_title(chunk)}: {reason}")
        else:
            yield alone.entries[0]


def _seen_title(chunk: bytes) -> str:
    """' "Title"' of a broken entry as its bytes show it, for the message; '' if none."""
    found = _TITLE.search(chunk)
    if not found:
        return ""
    title = " ".join(_TAG.sub(" ", found.group(1).decode("utf-8", "replace")).split())
    return f' "{title[:80]}"' if title else ""


def _plain(html: str) -> str:
    """The text of an HTML fragment."""
    if "<" not in html:
        return html.strip()
    import lxml.html

    try:
        return " ".join(lxml.html.fromstring(html).text_content().split())
    except Exception:  # an unparsable fragment: keep it as it is
        return html.strip()
