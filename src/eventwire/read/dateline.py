"""The outlet a wire story's dateline names ("KYIV, Ukraine (AP) —"): the source when nothing else gives one."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cache

from eventwire.model import Article

DATELINE_REACH = 800  # a dateline opens the story: its first characters, after a title
# a line that opens with a place in capitals, maybe a country or a date after a comma, then the
# outlet in brackets and a dash: "LVIV, Ukraine (AP) —", "DUBAI, Feb 6 (Reuters) -"
_DATELINE = re.compile(
    r"^[ \t]*[A-Z][A-Z'’.\- ]{1,40}(?:,[^()\n]{1,40})?[ \t]*\((?P<outlet>[^()\n]{1,40})\)"
    r"[ \t]*[-–—:]",
    re.M,
)


@cache
def _outlets() -> dict[str, str]:
    from eventwire.data import load_vocabulary

    return {key.casefold(): name for key, name in load_vocabulary("dateline_outlets").items()}


def dateline_outlet(text: str) -> str | None:
    """The outlet the dateline at the start of `text` names, if it is a known one."""
    m = _DATELINE.search(text, 0, DATELINE_REACH)
    if m is None:
        return None
    return _outlets().get(m.group("outlet").strip().casefold())


def with_dateline_source(article: Article) -> Article:
    """The article with its dateline's outlet as `source` where it has none."""
    if article.source:
        return article
    outlet = dateline_outlet(article.text)
    return replace(article, source=outlet) if outlet else article
