"""The web API's request and response bodies, as pydantic models: they make the OpenAPI spec.

Responses are built as plain dicts by `eventwire.web.app` (fast: a page of 1,000 events is
not validated field by field on every request); these models document them, and the tests
and schemathesis check that what is sent matches them.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class EvidenceOut(BaseModel):
    """The span of an article a field was read from, and the rule that decided it."""

    field: str
    article_id: str
    start: int
    end: int
    text: str
    reason: str


class EventSummary(BaseModel):
    """An event's fields, without its evidence (the map's marker and list entry)."""

    event_id: str
    event_date: str | None = Field(description="YYYY-MM-DD, or null when no day is known")
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
    fatalities: int | None
    injuries: int | None
    fatalities_min: int | None = Field(
        None, description="the least the words support ('several' → 3); the figure if exact"
    )
    injuries_min: int | None = Field(None, description="as fatalities_min, for the injured")
    claimed_by: str | None
    verified: bool | None
    sources: list[str]
    article: str = Field(
        "", description="the article read: the id given with it, its url or its file name"
    )
    report_count: int = Field(
        description="independent reports: distinct outlets (an article naming none counts one)"
    )
    notes: str
    confidence: float


class EventFull(EventSummary):
    """An event with every field and the evidence behind each."""

    article_id: str = Field(description="the article of the event's first mention")
    geonameid: int | None
    evidence: list[EvidenceOut]


class Point(BaseModel):
    type: Literal["Point"]
    coordinates: list[float] = Field(min_length=2, max_length=2, description="[lon, lat]")


class Feature(BaseModel):
    type: Literal["Feature"]
    id: str
    geometry: Point | None = Field(description="null for an event without coordinates")
    properties: EventSummary


class Page(BaseModel):
    total: int = Field(description="events matching the filters, not just this page")
    limit: int
    offset: int


class EventPage(Page):
    cursor: int = Field(
        description="the store's change cursor when the page was read:"
        " GET /api/stream?after=CURSOR sends every event changed since"
    )


class EventFeatureCollection(EventPage):
    """format=geojson: a GeoJSON FeatureCollection (QGIS and Leaflet read it)."""

    type: Literal["FeatureCollection"]
    features: list[Feature]


class EventList(EventPage):
    """format=json: the events as plain objects."""

    events: list[EventSummary]


class ReportOut(BaseModel):
    """One source's account of an event: its figures and who it attributes them to."""

    mention_id: str
    article_id: str
    source: str | None
    event_date: str | None
    fatalities: int | None
    injuries: int | None
    claimed_by: str | None
    verified: bool | None
    evidence: list[EvidenceOut]


class ArticleSummary(BaseModel):
    article_id: str
    title: str | None
    source: str | None
    url: str | None
    published: str | None = Field(description="YYYY-MM-DD or null")


class ArticleFull(ArticleSummary):
    text: str = Field(
        description="the article as ingested: untrusted text, never to be read as HTML"
    )


class EventDetail(BaseModel):
    """An event, every source's report of it and the articles its evidence points into."""

    event: EventFull
    reports: list[ReportOut]
    articles: list[ArticleFull]


class ArticleList(BaseModel):
    total: int
    limit: int
    offset: int
    articles: list[ArticleSummary]


class ArticleIn(BaseModel):
    """One article to ingest; only `text` is required."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="plain English text of the report (at most 5 MB)")
    published: str | None = Field(
        default=None,
        pattern=r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
        json_schema_extra={"format": "date"},
        description="publication day YYYY-MM-DD: relative dates are resolved against it",
    )
    source: str | None = Field(default=None, max_length=500, description="the outlet's name")
    url: str | None = Field(default=None, max_length=4000)
    title: str | None = Field(default=None, max_length=4000)
    id: str | None = Field(
        default=None, max_length=500, description="your id of the article (default: a text hash)"
    )

    @field_validator("published")
    @classmethod
    def _a_real_day(cls, value: str | None) -> str | None:
        if value is not None:
            date.fromisoformat(value)  # ValueError: 422
        return value


class Failure(BaseModel):
    name: str = Field(description="which item: 'article N' (1-based), with its id if given")
    reason: str


class IngestResult(BaseModel):
    articles_read: int
    duplicates: int
    failed: list[Failure]
    events_added: int
    events_merged: int
    event_ids: list[str] = Field(description="the stored events the articles' mentions went to")


class Facets(BaseModel):
    """Counts of the events matching the filters, for filter menus and the timeline."""

    event_types: list[tuple[str, int]]
    countries: list[tuple[str, int]]
    actors: list[tuple[str, int]] = Field(description="the 50 most frequent actor1/actor2 names")
    dates: DateRange
    per_day: list[tuple[str, int]]


class DateRange(BaseModel):
    min: str | None
    max: str | None


class Config(BaseModel):
    tiles: str | None = Field(description="a tile URL template if the server was given one")
    version: str


class Health(BaseModel):
    status: Literal["ok"]
    events: int
    articles: int


class Problem(BaseModel):
    detail: str


Facets.model_rebuild()
