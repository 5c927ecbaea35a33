"""What only the SQLite store does: WAL mode, a file path or sqlite:/// location."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from eventwire.store import SQLiteStore, open_store


def test_wal_mode_and_locations(tmp_path: Path) -> None:
    path = tmp_path / "s.sqlite"
    with open_store(f"sqlite:///{path}") as store:
        assert isinstance(store, SQLiteStore)
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"
