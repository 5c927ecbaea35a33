"""Shared fixtures: the spaCy pipeline, loaded once per session; the stores to test on.

`store_location` is a fresh store's location on each backend in turn: a SQLite file, then
`pg_url`, a fresh database on `pg_server`, the session's one throwaway PostgreSQL + PostGIS
server (eventwire.store.pgserver). Without PostgreSQL's binaries or psycopg the PostgreSQL
ones skip, and fail under CI=true (`make system` installs them).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from spacy.language import Language

if TYPE_CHECKING:
    from eventwire.store.pgserver import ThrowawayServer

BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@pytest.fixture(scope="session")
def nlp() -> Language:
    from eventwire.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's shared folder (../shared); its absence fails under CI, skips elsewhere."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing (CI=true)")
        pytest.skip(f"{SHARED} not found")
    return SHARED


@pytest.fixture(scope="session")
def pg_server() -> ThrowawayServer:
    """The session's throwaway PostgreSQL server (skipped without PostgreSQL, failed so under
    CI=true)."""
    from eventwire.store.pgserver import missing, shared_server

    reason = missing()
    if reason:
        if os.environ.get("CI") == "true":
            pytest.fail(reason + " (CI=true)")
        pytest.skip(reason)
    return shared_server()


@pytest.fixture
def pg_url(pg_server: ThrowawayServer) -> Iterator[str]:
    """A fresh database on the session's throwaway server, dropped after the test."""
    with pg_server.fresh_database() as url:
        yield url


@pytest.fixture(params=BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store's location: a SQLite file path or a postgresql:// URL."""
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    return str(request.getfixturevalue("pg_url"))
