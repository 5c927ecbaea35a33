"""Geoparser scoring against gold files: `python -m eventwire.geo.score PATH...`.

Two kinds of gold, told apart by their fields:
- toponym gold (TR-News: `{id, text, toponyms: [{start, end, name, lat, lon}]}`): gold toponyms
  found (recall), precision of the spans found, share of found ones within 161 km; also the time
  geocoding adds to `nlp.pipe` over the same texts.
- description gold (`{id, text, lat, lon}`, tests/geo/data/bare-places.jsonl): short place
  descriptions ("Uman", "Chuhuiv, south of Kharkiv"), the described place (`described_place`)
  within 25 and 100 km.
- event gold (ACLED notes: `{id, text, events: [{latitude, longitude, location, admin1}]}`):
  the event's place picked as the extraction core would (the most precise place, the one after
  in/near/at first), share within 25 and 100 km, and the misses by cause.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from eventwire.geo import Geoparser, load_geoparser
from eventwire.geo.names import fold
from eventwire.geo.outlet import outlet_home
from eventwire.geo.resolve import km
from eventwire.model import Place

TOPONYM_KM = 161.0
NEARBY_CHARS = 30
SITE_WORDS = frozenset({"in", "near", "at", "outside", "of", "around", "to"})


@dataclass
class ToponymScore:
    """Recall, precision and distance accuracy of toponyms against a gold file."""

    gold: int = 0
    found: int = 0
    predicted: int = 0
    correct_predicted: int = 0
    within: int = 0
    parse_seconds: float = 0.0
    geo_seconds: float = 0.0
    misses: list[str] = field(default_factory=list)
    far: list[str] = field(default_factory=list)
    spurious: list[str] = field(default_factory=list)

    def report(self) -> str:
        r = self.found / max(self.gold, 1)
        p = self.correct_predicted / max(self.predicted, 1)
        w = self.within / max(self.found, 1)
        overhead = self.geo_seconds / max(self.parse_seconds, 1e-9)
        return (
            f"gold toponyms found (recall): {self.found}/{self.gold} = {r:.1%}\n"
            f"precision of spans found:     {self.correct_predicted}/{self.predicted} = {p:.1%}\n"
            f"found within {TOPONYM_KM:.0f} km:           {self.within}/{self.found} = {w:.1%}\n"
            f"found and within {TOPONYM_KM:.0f} km:       {self.within / max(self.gold, 1):.1%}\n"
            f"geocoding time: {self.geo_seconds:.2f} s over nlp.pipe {self.parse_seconds:.2f} s"
            f" = {overhead:.1%}"
        )


def _articles(path: Path) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def _parse(
    articles: list[dict[str, Any]], geoparser: Geoparser
) -> tuple[list[list[Place]], float, float]:
    from eventwire.nlp import load_nlp

    nlp = load_nlp()
    texts = [a["text"] for a in articles]
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=32))
    parse = time.perf_counter() - started
    started = time.perf_counter()
    homes = [outlet_home(a.get("url") or a.get("source")) for a in articles]
    places = [geoparser.places(doc, home) for doc, home in zip(docs, homes, strict=True)]
    geo = time.perf_counter() - started
    return places, parse, geo


def score_toponyms(path: str | Path, verbose: bool = False) -> ToponymScore:
    """Score toponym recognition and resolution against a TR-News style gold file."""
    geoparser = load_geoparser()
    articles = _articles(Path(path))
    all_places, parse, geo = _parse(articles, geoparser)
    result = ToponymScore(parse_seconds=parse, geo_seconds=geo)
    for article, places in zip(articles, all_places, strict=True):
        text = article["text"]
        used: set[int] = set()
        for g in article["toponyms"]:
            result.gold += 1
            match = _match(g, places, used, text)
            if match is None:
                result.misses.append(f"{article['id']}: {g['name']!r} @{g['start']}")
                continue
            used.add(match)
            result.found += 1
            p = places[match]
            if p.latitude is not None and p.longitude is not None:
                d = km(p.latitude, p.longitude, g["lat"], g["lon"])
                if d <= TOPONYM_KM:
                    result.within += 1
                else:
                    result.far.append(
                        f"{article['id']}: {g['name']!r} → {p.name}, {p.country_code} "
                        f"{d:.0f} km off ({p.reason})"
                    )
        result.predicted += len(places)
        result.correct_predicted += len(used)
        for k, p in enumerate(places):
            if k not in used:
                result.spurious.append(f"{article['id']}: {p.text!r} → {p.name}, {p.country_code}")
    if verbose:
        for title, items in (
            ("MISSED", result.misses),
            ("FAR", result.far),
            ("SPURIOUS", result.spurious),
        ):
            print(f"--- {title} ({len(items)})")
            for line in items:
                print(line)
    return result


def _match(g: dict[str, Any], places: list[Place], used: set[int], text: str) -> int | None:
    """The place that finds gold toponym `g`: overlapping span, else the same text nearby."""
    for k, p in enumerate(places):
        if k not in used and p.start < g["end"] and g["start"] < p.end:
            return k
    name = fold(g["name"])
    for k, p in enumerate(places):
        if k in used or abs(p.start - g["start"]) > NEARBY_CHARS:
            continue
        if fold(p.text) == name or name in fold(p.text):
            return k
    return None


@dataclass
class EventPlaceScore:
    """Distance accuracy of the event place picked from ACLED-style notes."""

    records: int = 0
    within_25: int = 0
    within_100: int = 0
    misses: Counter[str] = field(default_factory=Counter)
    examples: list[str] = field(default_factory=list)

    def report(self) -> str:
        n = max(self.records, 1)
        lines = [
            f"records: {self.records}",
            f"within 25 km:  {self.within_25}/{self.records} = {self.within_25 / n:.1%}",
            f"within 100 km: {self.within_100}/{self.records} = {self.within_100 / n:.1%}",
            "misses (> 25 km) by cause: "
            + ", ".join(f"{k} {v}" for k, v in self.misses.most_common()),
        ]
        return "\n".join(lines)


def event_place(places: list[Place], text: str) -> Place | None:
    """The event's place as the core would pick it: the most precise, after in/near/at first."""
    if not places:
        return None

    def rank(p: Place) -> tuple[int, int, int]:
        word = text[: p.start].split()[-1].lower() if text[: p.start].split() else ""
        precise = {"city": 0, "district": 0, "admin1": 2, "region": 2}.get(p.kind, 3)
        return (precise, 0 if word in SITE_WORDS else 1, p.start)

    return min(places, key=rank)


def _km_to(place: Place | None, lat: float, lon: float) -> float:
    """How far a place found lies from a gold point (infinite when none or no point)."""
    if place is None or place.latitude is None or place.longitude is None:
        return float("inf")
    return km(place.latitude, place.longitude, lat, lon)


def score_event_places(path: str | Path, verbose: bool = False) -> EventPlaceScore:
    """Score the event place of ACLED-style notes against their gold coordinates."""
    geoparser = load_geoparser()
    articles = _articles(Path(path))
    all_places, _, _ = _parse(articles, geoparser)
    result = EventPlaceScore()
    for article, places in zip(articles, all_places, strict=True):
        for gold in article["events"]:
            if gold.get("latitude") is None:
                continue
            result.records += 1
            place = event_place(places, article["text"])
            d = _km_to(place, gold["latitude"], gold["longitude"])
            result.within_25 += d <= 25
            result.within_100 += d <= 100
            if d > 25:
                cause = _cause(gold, places, geoparser)
                result.misses[cause] += 1
                got = (
                    f"{place.text!r} → {place.name} {place.admin1} ({place.reason})"
                    if place
                    else "none"
                )
                result.examples.append(
                    f"{article['id']} [{cause}] gold {gold.get('location')!r} ({gold.get('admin1')}); "
                    f"got {got}; {d:.0f} km"
                )
    if verbose:
        for line in result.examples:
            print(line)
    return result


@dataclass
class DescriptionScore:
    """Distance accuracy of the place each short description is about."""

    records: int = 0
    within_25: int = 0
    within_100: int = 0
    misses: list[str] = field(default_factory=list)

    def report(self) -> str:
        n = max(self.records, 1)
        return (
            f"descriptions: {self.records}\n"
            f"within 25 km:  {self.within_25}/{self.records} = {self.within_25 / n:.1%}\n"
            f"within 100 km: {self.within_100}/{self.records} = {self.within_100 / n:.1%}"
        )


def score_descriptions(path: str | Path, verbose: bool = False) -> DescriptionScore:
    """Score the described place of each short description against its gold point."""
    from eventwire.geo.geocode import described_place

    geoparser = load_geoparser()
    articles = _articles(Path(path))
    all_places, _, _ = _parse(articles, geoparser)
    result = DescriptionScore()
    for article, places in zip(articles, all_places, strict=True):
        result.records += 1
        place = described_place(places)
        d = _km_to(place, article["lat"], article["lon"])
        result.within_25 += d <= 25
        result.within_100 += d <= 100
        if d > 25:
            got = f"{place.name}, {place.country_code} ({place.reason})" if place else "nothing"
            result.misses.append(f"{article['id']} {article['text']!r}: {got}; {d:.0f} km")
    if verbose:
        for line in result.misses:
            print(line)
    return result


def _cause(gold: dict[str, Any], places: list[Place], geoparser: Geoparser) -> str:
    name = gold.get("location") or ""
    if any(fold(p.text) == fold(name) for p in places):
        return "wrong homonym"
    if not geoparser.gazetteer.has_name(name):
        return "absent from gazetteer"
    return "not found in text"


def main(argv: list[str] | None = None) -> None:
    """Score each gold file named on the command line (-v lists the errors)."""
    args = list(sys.argv[1:] if argv is None else argv)
    verbose = "-v" in args
    for path in (a for a in args if a != "-v"):
        with open(path, encoding="utf-8") as handle:
            first = json.loads(handle.readline())
        print(f"== {path}")
        if "toponyms" in first:
            print(score_toponyms(path, verbose).report())
        elif "lat" in first:
            print(score_descriptions(path, verbose).report())
        else:
            print(score_event_places(path, verbose).report())


if __name__ == "__main__":
    main()
