"""A generated corpus of short war reports for ingest tests and the ingest bench.

Template sentences written by the eventwire developers (no outlet's text): each event is
reported by one to three outlets in different words and with different tolls, and some
articles are exact copies of others, as wire stories republished by several sites are.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

# Ukrainian towns at least 10 km apart that the geoparser resolves (checked by tests/store).
PLACES = (
    "Kharkiv",
    "Odesa",
    "Dnipro",
    "Zaporizhzhia",
    "Mykolaiv",
    "Kherson",
    "Sumy",
    "Chernihiv",
    "Poltava",
    "Kramatorsk",
    "Nikopol",
    "Kryvyi Rih",
    "Vinnytsia",
    "Lviv",
    "Izium",
    "Kupiansk",
    "Pokrovsk",
    "Kostiantynivka",
    "Okhtyrka",
    "Uman",
)
OUTLETS = ("Kyiv Wire", "Eastern Daily", "Frontline Post", "Steppe Herald", "River News")
CLAIMERS = ("the regional governor", "local officials", "the city's military administration")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBERS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

# {place} {day} (a weekday phrase or "on 3 June") {killed} {injured} {claimer}
WORDINGS = {
    "shelling": (
        "Russian forces shelled {place} {day}, killing {killed} people and wounding {injured},"
        " {claimer} said.",
        "{Killed} people were killed and {injured} injured when Russian artillery hit {place}"
        " {day}, according to {claimer}.",
        "Russian shelling of {place} {day} killed {killed} civilians and injured {injured}"
        " others, {claimer} said.",
    ),
    "drones": (
        "Russian drones struck {place} {day}, injuring {injured} people, {claimer} said.",
        "Russian attack drones hit {place} {day} and injured {injured} residents, {claimer} said.",
        "{Injured} people were injured when Russian drones attacked {place} {day}, {claimer}"
        " reported.",
    ),
    "clash": (
        "Ukrainian and Russian troops clashed near {place} {day}, {claimer} said.",
        "Fighting broke out between Ukrainian and Russian forces near {place} {day},"
        " {claimer} reported.",
    ),
    "protest": (
        "Hundreds of people protested in {place} {day} against the closure of a hospital,"
        " {claimer} said.",
        "Residents of {place} held a protest {day} against the closure of a local hospital,"
        " {claimer} reported.",
    ),
}
KINDS = tuple(WORDINGS)
FILLER = (
    "Repair crews were working to restore power to the area.",
    "Emergency workers remained at the scene late into the evening.",
    "Schools in the area moved classes online for the rest of the week.",
)


@dataclass(frozen=True)
class SyntheticEvent:
    """One generated event, the truth its reports are written from."""

    place: str
    kind: str
    day: date
    killed: int
    injured: int


def generate(n: int, seed: int = 0) -> tuple[list[dict[str, str]], list[SyntheticEvent]]:
    """`n` articles as JSON Lines records {text, published, source}, and the events behind them.

    About one article in ten is an exact copy of an earlier one; the others report an event
    in one to three outlets' words. Events of one kind in one town are days apart.
    """
    rng = random.Random(seed)
    records: list[dict[str, str]] = []
    events: list[SyntheticEvent] = []
    texts: set[str] = set()
    start = date(2025, 3, 3)
    i = 0
    while len(records) < n:
        place = PLACES[i % len(PLACES)]
        kind = KINDS[(i // len(PLACES)) % len(KINDS)]
        day = start + timedelta(days=3 * (i // (len(PLACES) * len(KINDS))))
        event = SyntheticEvent(place, kind, day, rng.randint(1, 9), rng.randint(1, 9))
        outlets = rng.sample(OUTLETS, rng.randint(1, 3))
        for k, outlet in enumerate(outlets):
            if records and rng.random() < 0.1:
                records.append(dict(rng.choice(records)))  # a republished copy
            if len(records) >= n:
                break
            report = _report(event, outlet, k, rng)
            if report["text"] in texts:  # "on Sunday" reads the same every week: name the day
                report = _report(event, outlet, k, rng, dated=True)
            texts.add(report["text"])
            records.append(report)
            if k == 0:
                events.append(event)
        i += 1
    return records, events


def _report(
    event: SyntheticEvent, outlet: str, k: int, rng: random.Random, dated: bool = False
) -> dict[str, str]:
    """One outlet's article about the event, published the day after or the same day."""
    published = event.day + timedelta(days=rng.choice((0, 1)))
    if dated or rng.random() < 0.5:
        day_phrase = f"on {event.day.day} {event.day.strftime('%B')}"
    else:
        day_phrase = f"on {WEEKDAYS[event.day.weekday()]}"
    # outlets disagree on tolls: a later one may count one more
    killed = event.killed + (1 if k and rng.random() < 0.5 else 0)
    injured = event.injured + (1 if k and rng.random() < 0.5 else 0)
    wording = WORDINGS[event.kind][k % len(WORDINGS[event.kind])]
    sentence = wording.format(
        place=event.place,
        day=day_phrase,
        killed=NUMBERS[killed],
        Killed=NUMBERS[killed].capitalize(),
        injured=NUMBERS[injured],
        Injured=NUMBERS[injured].capitalize(),
        claimer=rng.choice(CLAIMERS),
    )
    text = sentence + " " + rng.choice(FILLER)
    return {"text": text, "published": published.isoformat(), "source": outlet}


def write_corpus(directory: Path, n: int, seed: int = 0, per_file: int = 100) -> list[Path]:
    """`n` generated articles as JSON Lines files of `per_file` lines under `directory`."""
    records, _ = generate(n, seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(0, len(records), per_file):
        path = directory / f"articles-{k // per_file:04d}.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for record in records[k : k + per_file]:
                out.write(json.dumps(record) + "\n")
        paths.append(path)
    return paths
