"""Geocoding texts on their own: the places of each text, as lines for people or JSON Lines."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from eventwire.geo import load_geoparser
from eventwire.model import Place


def geocode_texts(items: Iterable[tuple[str, str]]) -> Iterator[tuple[str, list[Place]]]:
    """Each (article_id, text) with the places found in the text, parsed in batches."""
    from eventwire.nlp import load_nlp, parse

    nlp = load_nlp()
    geoparser = load_geoparser()
    for doc, article_id in parse(nlp, ((t, i) for i, t in items), batch_size=32):
        yield article_id, geoparser.places(doc)


def described_place(places: list[Place]) -> Place | None:
    """The place a short description is about: the first one it names ("Chuhuiv, south of
    Kharkiv", "Semihatka/Henichesk", "village of A near B"); the others only locate it. A
    demonym ("Russian") stands only when nothing else is named."""
    named = [p for p in places if p.kind != "demonym"] or places
    return min(named, key=lambda p: p.start) if named else None


def place_record(article_id: str, place: Place) -> dict[str, Any]:
    """The JSON Lines record of one place."""
    return {
        "article_id": article_id,
        "start": place.start,
        "end": place.end,
        "text": place.text,
        "name": place.name,
        "latitude": place.latitude,
        "longitude": place.longitude,
        "geonameid": place.geonameid,
        "country": place.country,
        "admin1": place.admin1,
        "geo_precision": place.geo_precision,
        "kind": place.kind,
    }


def place_lines(place: Place) -> list[str]:
    """A human-readable description of one place: span, choice with its reason, candidates."""
    point = (
        f"{place.latitude:.4f}, {place.longitude:.4f}"
        if place.latitude is not None and place.longitude is not None
        else "no point"
    )
    where = ", ".join(x for x in (place.admin1, place.country) if x)
    lines = [
        f"[{place.start}:{place.end}] {place.text!r} → {place.name} ({where}) {point} "
        f"precision {place.geo_precision}, {place.kind}",
        f"    because {place.reason}",
    ]
    if place.candidates:
        lines.append("    other candidates: " + "; ".join(place.candidates))
    return lines


def to_json(record: dict[str, Any]) -> str:
    """One JSON line."""
    return json.dumps(record, ensure_ascii=False)
