"""`eventwire watch`: folders and feeds watched, each new article ingested as it arrives, alerts
fired on the events it adds or changes.

    watcher.py     the loop: notices and polls in, `ingest` into the store, alerts out
    folders.py     folders → new or changed files, settled (watchfiles)
    feeds.py       feed URLs → changed feed bodies (conditional GET)
    checkpoint.py  what was seen, read, failed and fired, kept in the store's database
    alerts.py      the `--alert` rules: parsed, matched, fired (a line, a POST)
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TextIO

from eventwire.watch.alerts import Rule, RuleError, parse_rule
from eventwire.watch.watcher import Watcher, WatchStats

__all__ = ["Rule", "RuleError", "WatchStats", "Watcher", "parse_rule", "watch"]


def watch(
    paths: Sequence[str],
    db: str | None = None,
    *,
    feeds_file: str | None = None,
    every: float = 300.0,
    alerts: Sequence[str] = (),
    once: bool = False,
    stop: threading.Event | None = None,
    force_polling: bool | None = None,
    log: TextIO | None = None,
    out: TextIO | None = None,
) -> WatchStats:
    """Watch `paths` (folders or files) and the feeds of `feeds_file` into the store `db` (a
    SQLite file or postgresql:// URL; default as `eventwire ingest`) until `stop` is set, or,
    with `once`, until what is there is read. `alerts` are rules (alerts.py); a bad one raises
    RuleError before anything is read."""
    from eventwire.store import default_db, open_store

    rules = [parse_rule(text) for text in alerts]
    location = db or default_db()
    with open_store(location) as store:
        watcher = Watcher(
            store,
            location,
            paths,
            feeds_file=feeds_file,
            every=every,
            rules=rules,
            log=log,
            out=out,
            force_polling=force_polling,
        )
        return watcher.run(stop, once=once)
