"""The record types that flow through the pipeline (DESIGN.md §2), nothing else."""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any


def normalise_text(text: str) -> str:
    """NFC, unified line ends, trimmed: the form an article id is hashed from."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()


@lru_cache(maxsize=64)
def text_id(text: str) -> str:
    """sha256 of the normalised text, the default article id.

    Remembered for the last texts: `Article.reference` asks it once per event, and a long
    article's many events each hashed its whole text again (issue 13: 2.8 s of a 300k-character
    article's 38)."""
    return hashlib.sha256(normalise_text(text).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    """One report as read: its text and what is known about where it came from."""

    text: str
    article_id: str = ""
    published: date | None = None
    source: str | None = None
    url: str | None = None
    title: str | None = None
    language: str = "en"
    # where it was read from: a file, "file:line" of JSON Lines, "file#entry" of a feed
    name: str | None = None

    def __post_init__(self) -> None:
        if not self.article_id:
            object.__setattr__(self, "article_id", text_id(self.text))

    def reference(self) -> str:
        """A reference a reader can follow: the id given with it, else its url, else the file
        it was read from, else its hash (`article_id`)."""
        if self.article_id != text_id(self.text):
            return self.article_id
        return self.url or self.name or self.article_id


# How an event_date's evidence opens when the day was not read from the event's own words but
# borrowed from the report: its dateline, or the day of the event its lead tells
BORROWED_DAY = ("dateline: ", "the lead's day: ")
# How a location's evidence opens when the event's own words name no place and it was borrowed
# from the sentences before it
BORROWED_PLACE = (
    "the place its paragraph named before it",
    "the place of the event before it",
    "the one place the story named before it",
    "the town the story named most before it",
)


@dataclass(frozen=True)
class Evidence:
    """The span of an article a field was read from, and the rule that decided it."""

    field: str
    article_id: str
    start: int
    end: int
    text: str
    reason: str

    @property
    def borrowed_day(self) -> bool:
        """An event_date taken from the report, not from the event's own words."""
        return self.field == "event_date" and self.reason.startswith(BORROWED_DAY)

    @property
    def borrowed_place(self) -> bool:
        """A location taken from the sentences before the event, not from its own words."""
        return self.field == "location" and self.reason.startswith(BORROWED_PLACE)


@dataclass(frozen=True)
class Place:
    """A toponym found in a text and resolved to a point (the geoparser's output).

    `kind` is one of: country, admin1, city, district, region, feature.
    `geo_precision` follows ACLED: 1 the place itself, 2 near it / part of it, 3 only a region.
    """

    start: int
    end: int
    text: str
    name: str
    latitude: float | None
    longitude: float | None
    country: str | None
    country_code: str | None
    admin1: str | None
    geonameid: int | None
    geo_precision: int
    kind: str
    reason: str
    candidates: tuple[str, ...] = ()


@dataclass
class Event:
    """One event as eventwire reports it; its fields are the CSV columns (DESIGN.md §2)."""

    event_id: str
    article_id: str
    event_date: str | None
    time_precision: int | None
    event_type: str
    sub_event_type: str
    plover: str | None
    actor1: str | None
    actor2: str | None
    civilian_targeting: bool
    country: str | None
    admin1: str | None
    location: str | None
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    geonameid: int | None
    fatalities: int | None
    injuries: int | None
    claimed_by: str | None
    verified: bool | None
    sources: list[str] = field(default_factory=list)
    notes: str = ""
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.0
    # the least the words support: equal to the figure when the text gives a number, smaller
    # or larger for a vague count ("several" → fatalities 10 as ACLED codes it, 3 at least)
    fatalities_min: int | None = None
    injuries_min: int | None = None
    # a readable reference to the article beside its hash (Article.reference): the id given
    # with it, its url or its file name
    article: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A plain JSON-ready dict, evidence included (as `asdict`, several times faster)."""
        data = dict(vars(self))
        data["sources"] = list(self.sources)
        data["evidence"] = [dict(vars(e)) for e in self.evidence]
        return data
