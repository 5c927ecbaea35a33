"""Watched folders → the files that are new or changed since the checkpoint, once settled.

A full scan at start (the catch-up after a restart), then the operating system's notices
(watchfiles: inotify on Linux, FSEvents, ReadDirectoryChangesW; polling on filesystems without
notices, `force_polling`). watchfiles was chosen by measurement: idle, a thread waiting on a
folder of 1,000 files used 0.1% of a core (watchdog 7.1: 0.0%; both far below the 2% floor), it
groups a burst of notices into one batch, and it is installed already with uvicorn[standard].
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from eventwire.read.inputs import INPUT_SUFFIXES

# A file is read once it has not changed for this long: one still being written is left until
# it is whole (a copy or a download in progress). Writing to a hidden name and renaming is
# the sure way: hidden files are never read.
SETTLE_SECONDS = 0.3
STEP_MS = 100  # how often watchfiles' thread looks at its stop flag; its idle cost


@dataclass(frozen=True)
class FileSeen:
    """A file as stat saw it."""

    path: str
    size: int
    mtime_ns: int


def is_hidden(path: str) -> bool:
    """A dot file, or under a dot folder (editors' and rsync's temporary names)."""
    return any(part.startswith(".") for part in path.split(os.sep) if part not in ("", ".", ".."))


def kind_of(path: str) -> str:
    """ "input" (a file eventwire reads), "sidecar" (a .json file: the metadata of NAME.txt or
    NAME.html, read with it, and maybe written before it) or "other" (reported as not read)."""
    suffix = os.path.splitext(path)[1].lower()
    if suffix in INPUT_SUFFIXES:
        return "input"
    return "sidecar" if suffix == ".json" else "other"


def scan(roots: Sequence[str]) -> Iterator[str]:
    """Every file under `roots` (or the root itself, a file), hidden ones left out, sorted."""
    for root in roots:
        if os.path.isfile(root):
            yield os.path.abspath(root)
            continue
        for folder, dirs, files in os.walk(root):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith("."):
                    yield os.path.abspath(os.path.join(folder, name))


def stat_of(path: str) -> FileSeen | None:
    """The file's size and mtime, None if it is gone or not a regular file."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    if not os.path.isfile(path):
        return None
    return FileSeen(path, st.st_size, st.st_mtime_ns)


def settled(seen: FileSeen, now: float | None = None) -> bool:
    """The file has not been written to for SETTLE_SECONDS."""
    now = time.time() if now is None else now
    return now - seen.mtime_ns / 1e9 >= SETTLE_SECONDS


def is_new(seen: FileSeen, checkpoint: dict[str, tuple[int, int]]) -> bool:
    """The file was never read, or changed since (size or mtime)."""
    return checkpoint.get(seen.path) != (seen.size, seen.mtime_ns)


class FolderNotices:
    """A thread that passes each batch of changed paths under `roots` to `notify`.

    Added and modified files are passed; deletions are not (a deleted article stays stored).
    """

    def __init__(
        self,
        roots: Sequence[str],
        notify: Callable[[set[str]], None],
        *,
        force_polling: bool | None = None,
    ) -> None:
        self.roots = [os.path.abspath(r) for r in roots]
        self.notify = notify
        self.force_polling = force_polling
        self.stop_event = threading.Event()
        self.ready = threading.Event()  # set once the OS watches are in place
        self.thread = threading.Thread(target=self._run, name="eventwire-folders", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def _run(self) -> None:
        import watchfiles

        def wanted(change: watchfiles.Change, path: str) -> bool:
            return change != watchfiles.Change.deleted and not is_hidden(path)

        watcher = watchfiles.watch(
            *self.roots,
            watch_filter=wanted,
            debounce=1000,  # a burst is passed in batches of at most a second's notices
            step=STEP_MS,
            stop_event=self.stop_event,
            rust_timeout=1000,
            yield_on_timeout=True,  # an empty batch a second when idle: the watches are in place
            force_polling=self.force_polling,
            ignore_permission_denied=True,
        )
        for changes in watcher:
            self.ready.set()
            paths = _paths(path for _, path in changes)
            if paths:
                self.notify(paths)

    def stop(self) -> None:
        self.stop_event.set()
        self.thread.join(timeout=5)


def _paths(paths: Iterable[str]) -> set[str]:
    """The files among changed paths; a folder moved in gives every file under it."""
    found: set[str] = set()
    for path in paths:
        if os.path.isdir(path):
            found.update(scan([path]))
        else:
            found.add(os.path.abspath(path))
    return found
