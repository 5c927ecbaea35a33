"""Alert rules: read from `--alert` text, matched against new and changed events, fired.

A rule is words separated by spaces (quote a value that holds spaces, as in a shell):

    min_fatalities=5 country=Ukraine near=50.45,30.52,100 post=http://127.0.0.1:9000/hook

Conditions, all of which must hold (each at most once; a rule without any matches every event):
  type=NAME           event type, sub-event type or PLOVER class, any case ("Air/drone strike")
  country=NAME        country name or ISO code (UA, UKR), any case
  actor=TEXT          part of actor1 or actor2, any case
  near=LAT,LON,KM     within KM km of the point
  min_fatalities=N    headline fatalities at least N
  min_injuries=N      headline injuries at least N
  text=TEXT           part of the notes or the location, any case
Actions: `print` (a line on stdout) and/or `post=URL` (the event POSTed as JSON); none: print.

A rule fires once for each event it matches, and again each time that event's headline toll
(fatalities or injuries, ACLED's conservative figure as the map shows it) rises above the toll
it last fired at. What fired is kept in the store (watch/checkpoint.py): a restart does not
fire again, and of two watchers on one store only one fires.
"""

from __future__ import annotations

import json
import shlex
import sys
import urllib.request
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TextIO

from eventwire.geo.distance import distance_km
from eventwire.model import Event
from eventwire.store.base import country_name
from eventwire.watch.checkpoint import Claim

CONDITIONS = ("type", "country", "actor", "near", "min_fatalities", "min_injuries", "text")
POST_TIMEOUT = 5.0
POST_ATTEMPTS = 3


class RuleError(ValueError):
    """A rule that cannot be read, and why."""


@dataclass(frozen=True)
class Rule:
    """One alert rule: its conditions (name -> value as written) and its actions."""

    text: str
    conditions: tuple[tuple[str, str], ...]
    print_line: bool
    posts: tuple[str, ...]
    near: tuple[float, float, float] | None = None
    country: str | None = None

    @property
    def key(self) -> str:
        """The rule's identity in the fired state: its conditions, in a fixed order (its
        actions may change without firing again)."""
        return " ".join(shlex.quote(f"{k}={v}") for k, v in sorted(self.conditions)) or "*"

    def matches(self, event: Event) -> bool:
        """Whether every condition holds for `event`."""
        for name, value in self.conditions:
            if not _holds(self, name, value, event):
                return False
        return True


def parse_rule(text: str) -> Rule:
    """The Rule `text` writes (module docstring); RuleError says what is wrong."""
    try:
        words = shlex.split(text)
    except ValueError as err:
        raise RuleError(f"alert {text!r}: {err}") from None
    conditions: dict[str, str] = {}
    posts: list[str] = []
    print_line = False
    near = None
    country = None
    for word in words:
        if word == "print":
            print_line = True
            continue
        name, equals, value = word.partition("=")
        name = name.strip().lower()
        if not equals or not value:
            raise RuleError(f"alert {text!r}: {word!r} is not NAME=VALUE or print")
        if name == "post":
            if not value.startswith(("http://", "https://")):
                raise RuleError(f"alert {text!r}: post= needs an http(s) URL, not {value!r}")
            posts.append(value)
            continue
        if name not in CONDITIONS:
            raise RuleError(
                f"alert {text!r}: unknown condition {name!r}"
                f" (known: {', '.join(CONDITIONS)}; actions: print, post=URL)"
            )
        if name in conditions:
            raise RuleError(f"alert {text!r}: {name} given twice (write two rules for either)")
        if name in ("min_fatalities", "min_injuries") and not value.isdigit():
            raise RuleError(f"alert {text!r}: {name} needs a whole number, not {value!r}")
        if name == "near":
            near = _near(text, value)
        if name == "country":
            country = country_name(value).lower()
        conditions[name] = value
    return Rule(
        text=text,
        conditions=tuple(conditions.items()),
        print_line=print_line or not posts,
        posts=tuple(posts),
        near=near,
        country=country,
    )


def _near(text: str, value: str) -> tuple[float, float, float]:
    try:
        lat, lon, km = (float(x) for x in value.split(","))
    except ValueError:
        raise RuleError(f"alert {text!r}: near= is LAT,LON,KM, not {value!r}") from None
    if not (-90 <= lat <= 90 and -180 <= lon <= 180 and km >= 0):
        raise RuleError(f"alert {text!r}: near= needs LAT -90..90, LON -180..180, KM >= 0")
    return lat, lon, km


def _holds(rule: Rule, name: str, value: str, event: Event) -> bool:
    low = value.lower()
    if name == "type":
        kinds = (event.event_type, event.sub_event_type, event.plover)
        return low in {(t or "").lower() for t in kinds}
    if name == "country":
        return (event.country or "").lower() == rule.country
    if name == "actor":
        return any(low in (a or "").lower() for a in (event.actor1, event.actor2))
    if name == "text":
        return any(low in (t or "").lower() for t in (event.notes, event.location))
    if name == "near":
        if rule.near is None or event.latitude is None or event.longitude is None:
            return False
        lat, lon, km = rule.near
        return distance_km(lat, lon, event.latitude, event.longitude) <= km
    if name == "min_fatalities":
        return event.fatalities is not None and event.fatalities >= int(value)
    if name == "min_injuries":
        return event.injuries is not None and event.injuries >= int(value)
    raise AssertionError(name)


def toll_text(fatalities: int | None, injuries: int | None) -> str:
    """ "3 killed, 11 injured", "no toll given"."""
    parts = []
    if fatalities is not None:
        parts.append(f"{fatalities} killed")
    if injuries is not None:
        parts.append(f"{injuries} injured")
    return ", ".join(parts) or "no toll given"


def alert_line(rule: Rule, event: Event, claim: Claim) -> str:
    """The line an alert prints: the rule, new or toll risen, and the event in brief."""
    why = "new" if claim.new else f"toll rose from {toll_text(claim.fatalities, claim.injuries)}"
    place = ", ".join(p for p in (event.location, event.country) if p) or "no place"
    by = f", claimed by {event.claimed_by}" if event.claimed_by else ""
    return (
        f"ALERT [{rule.key}] {why}: {event.event_date or 'undated'} {event.sub_event_type},"
        f" {place}: {toll_text(event.fatalities, event.injuries)}{by}"
        f" ({len(event.sources)} {'source' if len(event.sources) == 1 else 'sources'};"
        f" {event.event_id})"
    )


def alert_body(rule: Rule, event: Event, claim: Claim) -> bytes:
    """The JSON an alert POSTs: {"alert": {rule, why, previous toll}, "event": the record}."""
    previous = None
    if not claim.new:
        previous = {"fatalities": claim.fatalities, "injuries": claim.injuries}
    data = {
        "alert": {
            "rule": rule.key,
            "why": "new" if claim.new else "toll rose",
            "previous": previous,
        },
        "event": event.to_dict(),
    }
    return json.dumps(data, ensure_ascii=False).encode("utf-8")


class Alerter:
    """Fires rules: prints on `out`, POSTs on a pool of two threads (a slow or dead endpoint
    never holds up ingest); a failed POST is tried POST_ATTEMPTS times, then reported on `log`.
    """

    def __init__(
        self,
        rules: list[Rule],
        claim: Callable[[str, str, int | None, int | None], Claim | None],
        *,
        out: TextIO | None = None,
        log: TextIO | None = None,
    ) -> None:
        self.rules = rules
        self.claim = claim
        self.out = out or sys.stdout
        self.log = log or sys.stderr
        self.pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="eventwire-alert")
        self.fired = 0

    def consider(self, event: Event) -> int:
        """Fire every rule `event` matches and has not fired at its toll; how many fired."""
        fired = 0
        for rule in self.rules:
            if not rule.matches(event):
                continue
            claim = self.claim(rule.key, event.event_id, event.fatalities, event.injuries)
            if claim is None:
                continue
            fired += 1
            if rule.print_line:
                print(alert_line(rule, event, claim), file=self.out, flush=True)
            body = alert_body(rule, event, claim)
            for url in rule.posts:
                self.pool.submit(self._post, url, body, event.event_id)
        self.fired += fired
        return fired

    def _post(self, url: str, body: bytes, event_id: str) -> None:
        error: object = None
        for _ in range(POST_ATTEMPTS):
            request = urllib.request.Request(
                url, data=body, headers={"Content-Type": "application/json"}, method="POST"
            )
            try:
                with urllib.request.urlopen(request, timeout=POST_TIMEOUT) as answer:
                    answer.read()
                return
            except (OSError, ValueError) as err:
                error = getattr(err, "reason", None) or err
        print(f"alert POST to {url} failed for {event_id}: {error}", file=self.log, flush=True)

    def close(self) -> None:
        """Wait for the POSTs under way."""
        self.pool.shutdown(wait=True)
