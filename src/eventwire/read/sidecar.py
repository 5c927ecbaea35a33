"""Sidecar metadata: NAME.json beside NAME.txt/.html gives that article's date, source, title, url.

Precedence, for each field: the article's own metadata (an HTML page's meta tags), then the
sidecar, then the command's option (--published, --source). --published-override forces the
option's date. When a date loses to another, a warning says which won and why.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, replace
from datetime import date

from eventwire.model import Article
from eventwire.read.articles import parse_day

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".json"
SIDECAR_FIELDS = ("published", "source", "title", "url")


@dataclass(frozen=True)
class Sidecar:
    """What a sidecar file says of its article (None where it says nothing usable)."""

    path: str
    published: date | None = None
    source: str | None = None
    title: str | None = None
    url: str | None = None


def sidecar_path(path: str) -> str:
    """Where the sidecar of the article file `path` would be: the same name, .json."""
    return os.path.splitext(path)[0] + SIDECAR_SUFFIX


def read_sidecar(path: str) -> Sidecar | None:
    """The sidecar beside the article file `path`, or None if there is none.

    A sidecar that cannot be read, or a field of the wrong kind, is warned about and
    ignored: the article is still read, as it would be without it.
    """
    where = sidecar_path(path)
    if where == path or not os.path.isfile(where):
        return None
    try:
        with open(where, "rb") as stream:
            record = json.loads(stream.read(1 << 20).decode("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        log.warning("%s: sidecar ignored (%s)", where, _short(err))
        return None
    if not isinstance(record, dict):
        log.warning("%s: sidecar ignored (not a JSON object)", where)
        return None
    fields: dict[str, str | None] = {}
    for key in SIDECAR_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            log.warning("%s: '%s' ignored (not a string)", where, key)
            value = None
        fields[key] = (value.strip() or None) if value else None
    published = None
    if fields["published"]:
        try:
            published = parse_day(fields["published"])
        except ValueError as err:
            log.warning("%s: 'published' ignored: %s", where, err)
    return Sidecar(
        path=where,
        published=published,
        source=fields["source"],
        title=fields["title"],
        url=fields["url"],
    )


def settle_metadata(
    article: Article,
    *,
    name: str,
    sidecar: Sidecar | None,
    published: date | None,
    source: str | None,
    override: bool = False,
) -> Article:
    """The article with each field from the first that gives it: its own metadata (as read),
    the sidecar, the options; `override` forces the option's date. A date that loses to a
    different one is warned about, naming both."""
    side = sidecar or Sidecar(path="")
    candidates = [
        (article.published, "the page's own metadata"),
        (side.published, f"the sidecar {os.path.basename(side.path)}"),
        (published, "--published"),
    ]
    day: date | None
    if override and published is not None:
        day, origin = published, "--published-override"
    else:
        day, origin = next(((d, o) for d, o in candidates if d is not None), (None, ""))
    losers = [f"{o} ({d.isoformat()})" for d, o in candidates if d is not None and d != day]
    if day is not None and losers:
        hint = "" if override else "; --published-override forces --published"
        log.warning(
            "%s: published %s from %s, not %s%s",
            name,
            day.isoformat(),
            origin,
            " or ".join(losers),
            hint,
        )
    return replace(
        article,
        published=day,
        source=article.source or side.source or source,
        title=article.title or side.title,
        url=article.url or side.url,
    )


def _short(err: Exception) -> str:
    if isinstance(err, json.JSONDecodeError):
        return f"invalid JSON: {err.msg} (line {err.lineno})"
    if isinstance(err, OSError):
        return (err.strerror or str(err)).lower()
    return "not UTF-8 text"
