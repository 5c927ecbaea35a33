"""The `loopback` fixture: a loopback HTTP server (watch/loopback.py) for the watch tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from loopback import Loopback, serve


@pytest.fixture
def loopback() -> Iterator[Loopback]:
    with serve() as state:
        yield state
