"""Where ingested articles and merged events live: one `Store` interface, SQLite by default.

A PostgreSQL backend implements the same `Store` primitives (store/base.py) and is chosen by
`open_store("postgresql://…")`; this version ships SQLite only.
"""

from __future__ import annotations

import os

from eventwire.store.base import ArticleOutcome, Candidate, EventQuery, Store
from eventwire.store.sqlite import SQLiteStore

DEFAULT_DB = "eventwire.sqlite"
DB_ENV = "EVENTWIRE_DB"

__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "ArticleOutcome",
    "Candidate",
    "EventQuery",
    "SQLiteStore",
    "Store",
    "default_db",
    "open_store",
]


def default_db() -> str:
    """$EVENTWIRE_DB, else ./eventwire.sqlite."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def open_store(location: str | None = None) -> Store:
    """The store at `location` (a file path; default `default_db()`)."""
    location = location or default_db()
    if location.startswith(("postgresql://", "postgres://")):
        raise NotImplementedError("a PostgreSQL store is not part of this version; use a file")
    return SQLiteStore(location.removeprefix("sqlite:///"))
