"""Great-circle distance between two points, the one distance everything in eventwire uses."""

from __future__ import annotations

import math
from typing import Protocol


class Located(Protocol):
    """Anything with a point: a Place, an Event."""

    @property
    def latitude(self) -> float | None: ...
    @property
    def longitude(self) -> float | None: ...


EARTH_RADIUS_KM = 6371.0088  # mean Earth radius (IUGG)
MILE_KM = 1.609
# A town told further than this from where something happened is no stand-in for the place
# (ACLED's geo_precision 2 "near"): the site of an event (`extraction.sites`), a village the
# gazetteer lacks (`geo.introduced`)
STAND_IN_KM = 50.0


def told_km(value: str, unit: str) -> float:
    """A distance the text tells ("40", "km"; "12.5", "miles") in kilometres."""
    km = float(value.replace(",", "."))
    return km * MILE_KM if unit.lower().startswith("mile") else km


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def points_km(a: Located, b: Located) -> float | None:
    """The distance between two located things, None when either has no point."""
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return None
    return distance_km(a.latitude, a.longitude, b.latitude, b.longitude)
