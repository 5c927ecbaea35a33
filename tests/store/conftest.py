"""The `store` fixture: every test of tests/store runs on each backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from eventwire.store import Store, open_store

BACKENDS = ["sqlite"]


@pytest.fixture(params=BACKENDS)
def store_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty store's location (a file path or a postgresql:// URL)."""
    return str(tmp_path / "s.sqlite")


@pytest.fixture
def store(store_location: str) -> Iterator[Store]:
    """A fresh store, closed after the test."""
    with open_store(store_location) as opened:
        yield opened
