"""Places the gazetteer lacks that a text introduces by a town it has.

"Farabougou is a village of rice farmers about 40 km west of Niono", "Dibate, a small town
near Bulen", "the village of Kanyabayonga, 30 km north of Lubero", "Faraba Banta (about 12 km
south of Brikama)": the named settlement is
missing from the gazetteer (cities500 keeps places of 500 people or more, and not all of
them), but the text says where it lies. Every mention of its name then stands at that town,
as ACLED codes a village it cannot find: geo_precision 2, with the town's name and point, and
a reason that names the village; 3 when the town is told further off than a stand-in may lie
(`distance.STAND_IN_KM`), and none beyond twice that.
"""

from __future__ import annotations

import re
from dataclasses import replace

from eventwire.geo.distance import STAND_IN_KM, points_km, told_km
from eventwire.model import Place

# a name: capitalised words, not a date's month or weekday ("19 February, a …"), nor a word
# that opens any sentence ("It is a village …")
_NOT_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|It|This|That|The|There|Here|He|"
    "She|They|We|Our|Its|Their|His|Her|One|Each"
)
_NAME = rf"(?<!\d )(?P<name>(?!(?:{_NOT_NAMES})\b)[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){{0,2}})"
_OTHER = r"[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2}"  # another name listed after the first
# the settlement word as the head of its phrase, not a modifier ("a village chief near X",
# "a community health worker"): what may follow it
_SETTLEMENT = (
    r"(?:village|town|hamlet|settlement|locality|community|commune|township)s?"
    r"(?=[,;:]|\s+(?:of|in|on|near|about|some|around|roughly|nearly|outside|close|not|just|"
    r"located|situated|lying|that|which|where|with|by|\d))"
)
_DISTANCE = (
    r"(?:(?:about|some|around|roughly|nearly|almost|just|only)\s+)?"
    r"(?P<km>\d+(?:[.,]\d+)?)\s*(?P<unit>km|kilomet(?:er|re)s?|miles?)"
    r"(?:\s*\([^)]{1,20}\))?\s+(?:[a-z]+(?:-[a-z]+)?\s+)?(?:of|from)"
)
_NEAR = r"(?P<near>near|outside|close to|not far from|on the outskirts of|just outside)"
_WHERE = rf"(?P<where>{_DISTANCE}|{_NEAR})\s+(?:the\s+(?:town|city)\s+of\s+)?"
# "X is a village … 40 km west of", "X, a small town near", "the village of X, 30 km from"
_INTRODUCED = (
    re.compile(
        rf"\b{_NAME},?\s+(?:is|was|lies|a|an)\s+(?:(?:a|an|the)\s+)?(?:[\w'-]+\s+){{0,3}}?"
        rf"{_SETTLEMENT}[^.;!?\n]{{0,90}}?\b{_WHERE}$"
    ),
    # (and the others listed with it: "the villages of Dondar Gushchu and Alibeyli, about 10
    # km from the town of Tovuz")
    re.compile(
        rf"\b[Tt]he\s+{_SETTLEMENT}\s+of\s+{_NAME}(?P<more>(?:(?:,|,?\s+and)\s+{_OTHER})*),?\s+"
        rf"(?:[^.;!?\n]{{0,40}}?\s)?{_WHERE}$"
    ),
    # "people in Faraba Banta (about 12 km south of Brikama)": where it lies, in brackets
    re.compile(rf"\b{_NAME}\s+\(\s*{_WHERE}$"),
)
# The words every form of `_WHERE` ends with before the town and its spaces ("… km west of",
# "from", "near", "close to", "just outside", "the town of"): text before a town that ends
# with none of them matches no form
_WHERE_LAST_WORDS = ("of", "from", "near", "outside", "to")


def with_introduced(text: str, places: list[Place]) -> list[Place]:
    """The places, with the mentions of each settlement the text introduces by a known town
    (module doc) placed at that town: where the gazetteer lacks the name, or has it only far
    from that town ("La Victoria, a Venezuelan town on the Arauca river about 70 km east of
    Guasdualito" is no La Victoria 500 km away: a namesake elsewhere gives way)."""
    towns = [p for p in places if p.kind == "city"]
    found: dict[str, Place] = {}
    for town in towns:
        before = text[max(0, town.start - 220) : town.start]
        if not before.rstrip().endswith(_WHERE_LAST_WORDS):
            continue  # no form can end here: spare the three searches (speed)
        for pattern in _INTRODUCED:
            m = pattern.search(before)
            if m is None:
                continue
            km = _km(m)
            if km > FAR_STAND_IN_KM:
                break
            where = " ".join(m.group("where").split())
            more = m.groupdict().get("more") or ""
            for name in [m.group("name"), *re.findall(_OTHER, more)]:
                namesakes = [p for p in places if p.text == name]
                if name in found or not _elsewhere(namesakes, town, km):
                    continue
                found[name] = replace(
                    town,
                    text=name,
                    geo_precision=2 if km <= STAND_IN_KM else 3,
                    reason=f"'{name}' → {town.name}: a settlement the gazetteer lacks"
                    f"{' here' if namesakes else ''}, '{where} {town.text}'",
                    candidates=(),
                )
            break
    if not found:
        return places
    kept = [p for p in places if p.text not in found]
    taken = [(p.start, p.end) for p in kept]
    for name, place in found.items():
        for m in re.finditer(rf"\b{re.escape(name)}\b", text):
            if not any(s < m.end() and m.start() < e for s, e in taken):
                kept.append(replace(place, start=m.start(), end=m.end()))
    return kept


# A village told this far from its town still stands there, as the nearest place named
# (geo_precision 3 beyond `STAND_IN_KM`)
FAR_STAND_IN_KM = 2 * STAND_IN_KM


def _elsewhere(namesakes: list[Place], town: Place, km: float) -> bool:
    """Whether every place the gazetteer gave the name lies further from the town than the
    text says the settlement does (with a stand-in's margin): none is the one it introduces."""
    return all((points_km(p, town) or 0.0) > km + STAND_IN_KM for p in namesakes)


def _km(m: re.Match[str]) -> float:
    return told_km(m.group("km"), m.group("unit")) if m.group("km") else 0.0
