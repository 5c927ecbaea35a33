"""The `store` fixture: every test of tests/store runs on SQLite and on PostgreSQL + PostGIS.

PostgreSQL runs as one throwaway server for the session (eventwire.store.pgserver), a fresh
database per test. Without PostgreSQL's binaries or psycopg its tests skip, and fail under
CI=true (`make system` installs them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store import Store, open_store

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture
def pg_url() -> Iterator[str]:
    """A fresh database on the session's throwaway server (skipped, or failed under CI=true,
    where PostgreSQL is missing)."""
    from eventwire.store.pgserver import missing, shared_server

    reason = missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true)")
        pytest.skip(reason)
    with shared_server().fresh_database() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store's location: a SQLite file path or a postgresql:// URL."""
    if request.param == "sqlite":
        return str(tmp_path / "s.sqlite")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture
def store(store_location: str) -> Iterator[Store]:
    """A fresh store, closed after the test."""
    with open_store(store_location) as opened:
        yield opened
