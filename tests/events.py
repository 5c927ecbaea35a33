"""A plain event record for tests: a Russian shelling of Kharkiv; override any field."""

from __future__ import annotations

from dataclasses import replace

from eventwire.model import Event, Evidence


def make_event(**fields: object) -> Event:
    """The record with `fields` replaced."""
    base = Event(
        event_id="ew-a",
        article_id="art-a",
        event_date="2025-06-03",
        time_precision=1,
        event_type="Explosions/Remote violence",
        sub_event_type="Shelling/artillery/missile attack",
        plover="ASSAULT",
        actor1="Military Forces of Russia (2000-)",
        actor2="Civilians (Ukraine)",
        civilian_targeting=True,
        country="Ukraine",
        admin1="Kharkiv",
        location="Kharkiv",
        latitude=49.98177,
        longitude=36.25475,
        geo_precision=1,
        geonameid=706483,
        fatalities=3,
        injuries=None,
        claimed_by="the governor",
        verified=None,
        sources=["Kyiv Wire"],
        evidence=[Evidence("event_date", "art-a", 0, 9, "on Monday", "'on Monday' → weekday")],
    )
    return replace(base, **fields)  # type: ignore[arg-type]
