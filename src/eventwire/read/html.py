"""HTML pages in, their main text as a checked `Article` (trafilatura: text, title, date, site)."""

from __future__ import annotations

import logging
from datetime import date
from html import escape
from html.parser import HTMLParser
from typing import Any

from eventwire.model import Article
from eventwire.read.articles import (
    MAX_BYTES,
    InputError,
    binary_problem,
    publication_date,
    too_large,
    validate_text,
)

HTML_SUFFIXES = (".html", ".htm")

# lxml (libxml2) stops reading a page nested over 255 elements deep, and trafilatura then finds
# no text: such a page is read again with its wrappers past this depth dropped, text kept.
MAX_DEPTH = 200
# The void elements of HTML: they hold nothing, so they nest nothing.
_VOID = frozenset("area base br col embed hr img input link meta param source track wbr".split())
# Elements whose content is no text (scripts, styles): kept at any depth, or it would show.
_RAW = frozenset(("script", "style"))
# trafilatura logs why it found nothing ("discarding data: None"); the reason is ours to give.
logging.getLogger("trafilatura").setLevel(logging.CRITICAL)


def article_from_html(
    data: bytes,
    *,
    name: str,
    published: date | None = None,
    source: str | None = None,
    url: str | None = None,
) -> Article:
    """The article of an HTML page, boilerplate removed; `name` labels errors.

    The page's own metadata wins: its date over `published`, its site name over `source`.
    Only metadata dates count (meta tags, <time>, the URL), never a date guessed from the text.
    """
    if len(data) > MAX_BYTES:
        raise InputError(too_large(len(data)), name)
    problem = binary_problem(data)
    if problem:
        raise InputError(problem, name)
    meta = _extract(data, url, name)
    text = (meta.get("text") or "").strip()
    if not text:
        from trafilatura.utils import decode_file

        page, depth = flattened(decode_file(data))
        if depth > MAX_DEPTH:  # the parser stopped reading: read it again, flattened
            meta = _extract(page, url, name)
            text = (meta.get("text") or "").strip()
            if not text:
                raise InputError(
                    f"no article text found in the HTML (nested {depth:,} elements deep)", name
                )
    if not text:
        raise InputError("no article text found in the HTML", name)
    title = (meta.get("title") or "").strip() or None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"  # the headline is part of the report
    validate_text(text, name=name)
    return Article(
        text=text,
        published=publication_date(str(meta.get("date") or "")) or published,
        source=meta.get("sitename") or source,
        url=meta.get("url") or url,
        title=title,
        name=None if name.startswith("<") else name,
    )


def _extract(data: bytes | str, url: str | None, name: str) -> dict[str, Any]:
    """trafilatura's reading of a page: its text and metadata, {} when it finds none."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            data,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception as err:  # trafilatura/lxml raise many kinds on broken markup
        raise InputError(f"unreadable HTML ({type(err).__name__}: {err})", name) from None
    if doc is not None and hasattr(doc, "as_dict"):
        return dict(doc.as_dict())
    return dict(doc or {})


class _Flattener(HTMLParser):
    """Re-writes a page with the elements nested deeper than MAX_DEPTH dropped (their text kept,
    scripts and styles kept whole)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.depth = 0
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.out.append(self.get_starttag_text() or "")
            return
        self.depth += 1
        self.deepest = max(self.deepest, self.depth)
        if self.depth <= MAX_DEPTH or tag in _RAW:
            self.out.append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag in _VOID:
            return
        if 0 < self.depth <= MAX_DEPTH or tag in _RAW:
            self.out.append(f"</{tag}>")
        self.depth = max(0, self.depth - 1)

    def handle_data(self, data: str) -> None:
        self.out.append(escape(data, quote=False))

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")


def flattened(page: str) -> tuple[str, int]:
    """The page with elements nested over MAX_DEPTH deep dropped, and its deepest nesting."""
    parser = _Flattener()
    parser.feed(page)
    parser.close()
    return "".join(parser.out), parser.deepest
