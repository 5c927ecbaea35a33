"""Where ingested articles and merged events live: one `Store` interface, two backends.

SQLite (store/sqlite.py) by default, in a file; PostgreSQL 15 + PostGIS (store/postgres.py,
the `[postgres]` extra) for a team server, chosen by `open_store("postgresql://…")`. Both
implement the primitives of store/base.py, where merging is written once; the same test suite
runs on both (tests/store), PostgreSQL on a throwaway server (store/pgserver.py).
"""

from __future__ import annotations

import os

from eventwire.store.base import (
    ArticleOutcome,
    BadFilter,
    Candidate,
    EventChange,
    EventQuery,
    Store,
    country_name,
    event_query,
    filter_hints,
)
from eventwire.store.sqlite import SQLiteStore

DEFAULT_DB = "eventwire.sqlite"
DB_ENV = "EVENTWIRE_DB"

__all__ = [
    "DB_ENV",
    "DEFAULT_DB",
    "ArticleOutcome",
    "BadFilter",
    "country_name",
    "Candidate",
    "EventChange",
    "EventQuery",
    "SQLiteStore",
    "Store",
    "default_db",
    "event_query",
    "filter_hints",
    "is_url",
    "open_store",
]


def default_db() -> str:
    """$EVENTWIRE_DB, else ./eventwire.sqlite."""
    return os.environ.get(DB_ENV) or DEFAULT_DB


def is_url(location: str) -> bool:
    """`location` names a PostgreSQL database (postgresql:// or postgres://), not a file."""
    return location.startswith(("postgresql://", "postgres://"))


def open_store(location: str | None = None) -> Store:
    """The store at `location`, created if need be; default `default_db()`.

    A `postgresql://user@host:port/database` URL (libpq's form, `postgres://` too) opens a
    PostgresStore; anything else is a SQLite file path (`sqlite:///path` too).
    """
    location = location or default_db()
    if is_url(location):
        from eventwire.store.postgres import PostgresStore

        return PostgresStore(location)
    return SQLiteStore(location.removeprefix("sqlite:///"))
