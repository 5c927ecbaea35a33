"""The `store` fixture: every test of tests/store runs on SQLite and on PostgreSQL + PostGIS.

`store_location` (tests/conftest.py) gives a SQLite file or a fresh database on the session's
throwaway PostgreSQL server.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from eventwire.store import Store, open_store


@pytest.fixture
def store(store_location: str) -> Iterator[Store]:
    """A fresh store, closed after the test."""
    with open_store(store_location) as opened:
        yield opened
