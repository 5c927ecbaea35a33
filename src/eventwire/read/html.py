"""HTML pages in, their main text as a checked `Article` (trafilatura: text, title, date, site)."""

from __future__ import annotations

from datetime import date

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
    meta = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (meta.get("text") or "").strip()
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
