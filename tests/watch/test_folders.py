"""Folders: what a scan finds, which files are read, and the OS notices of new files."""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path

from eventwire.watch.folders import (
    SETTLE_SECONDS,
    FileSeen,
    FolderNotices,
    is_hidden,
    is_new,
    kind_of,
    scan,
    settled,
    stat_of,
)


def test_a_scan_finds_every_file_but_hidden_ones(tmp_path: Path) -> None:
    for name in ("b.txt", "a.html", ".partial.txt", "sub/c.jsonl", ".git/x.txt", "sub/d.png"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x")
    found = [os.path.relpath(p, tmp_path) for p in scan([str(tmp_path)])]
    assert found == ["a.html", "b.txt", "sub/c.jsonl", "sub/d.png"]
    assert list(scan([str(tmp_path / "b.txt")])) == [str(tmp_path / "b.txt")]
    assert is_hidden("/in/.tmp/a.txt") and is_hidden("/in/.a.txt") and not is_hidden("/in/a.txt")


def test_which_files_are_read() -> None:
    for name in ("a.txt", "a.TXT", "a.jsonl", "a.html", "a.htm", "a.rss", "a.atom", "a.xml"):
        assert kind_of(name) == "input", name
    assert kind_of("a.json") == "sidecar"
    assert kind_of("a.png") == kind_of("README") == "other"


def test_a_file_is_new_until_read_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("one")
    seen = stat_of(str(path))
    assert seen is not None and seen.size == 3
    assert is_new(seen, {}) and not is_new(seen, {seen.path: (3, seen.mtime_ns)})
    assert is_new(seen, {seen.path: (3, seen.mtime_ns - 1)})  # touched or rewritten
    assert stat_of(str(tmp_path / "gone.txt")) is None and stat_of(str(tmp_path)) is None
    now = seen.mtime_ns / 1e9
    assert not settled(seen, now + SETTLE_SECONDS / 2)  # may still be being written
    assert settled(FileSeen(seen.path, 3, seen.mtime_ns), now + SETTLE_SECONDS + 0.01)


def test_notices_name_new_files_and_folders_moved_in(tmp_path: Path) -> None:
    watched = tmp_path / "in"
    watched.mkdir()
    got: list[set[str]] = []
    arrived = threading.Event()

    def notify(paths: set[str]) -> None:
        got.append(paths)
        arrived.set()

    notices = FolderNotices([str(watched)], notify)
    notices.start()
    try:
        assert notices.ready.wait(10)
        (watched / ".hidden.txt").write_text("x")
        (watched / "a.txt").write_text("x")
        staged = tmp_path / "batch"
        (staged / "deep").mkdir(parents=True)
        (staged / "deep" / "b.txt").write_text("x")
        os.rename(staged, watched / "batch")
        deadline = time.monotonic() + 10
        names: set[str] = set()
        while time.monotonic() < deadline and len(names) < 2:
            arrived.wait(0.5)
            names = {os.path.relpath(p, watched) for batch in got for p in batch}
        assert {"a.txt", "batch/deep/b.txt"} <= names
        assert ".hidden.txt" not in names
    finally:
        notices.stop()
    assert not notices.thread.is_alive()
