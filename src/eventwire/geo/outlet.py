"""The country an outlet is at home in, told by its web address's country domain.

A local paper's "Edmonton" (nlhnews.co.uk) or "Perth" (.com.au) is its own region's: the
outlet's home votes for its country as a dateline does (`Geoparser.places(doc, home=...)`).
Only country-code domains tell a home; .com, .org and the country domains sold as generic
names (.tv, .io, .co, .me, .fm ...) tell nothing.
"""

from __future__ import annotations

import re

# Country-code domains used worldwide as generic names: no home.
_GENERIC = frozenset("tv io co me fm ai ly cc ws to am gg im la nu su tk ml ga cf gq vc".split())
_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?([^/:?#\s]+)", re.I)


def outlet_home(source: str | None) -> str | None:
    """ISO2 of the country whose domain the outlet's address ends in ("www.cbc.ca" -> CA,
    "https://www.nlhnews.co.uk/news" -> GB), else None (".com", a name that is no address)."""
    if not source:
        return None
    match = _HOST.match(source.strip())
    if match is None:
        return None
    host = match.group(1).lower().rstrip(".")
    if "." not in host:
        return None  # "Reuters": a name, not an address
    tld = host.rsplit(".", 1)[1]
    if len(tld) != 2 or not tld.isalpha() or tld in _GENERIC:
        return None
    return "GB" if tld == "uk" else tld.upper()
