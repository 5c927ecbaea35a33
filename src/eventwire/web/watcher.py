"""The `eventwire watch` process that `eventwire serve --watch` runs beside the server.

Two processes that start and stop together: the watcher is a child (`python -m eventwire watch
PATH... --db SAME_DB`), its lines on the same stderr. It is stopped (SIGTERM, then SIGKILL after
a grace period) when the server stops; on Linux the kernel also sends it SIGTERM if the server
dies without cleaning up (PR_SET_PDEATHSIG). If the watcher exits first, the server is told to
stop (SIGTERM to itself), so a supervisor sees one failure and restarts both.

uvicorn ends its graceful shutdown on SIGTERM by raising the signal again with the handler it
found at start: the `with` block sets that handler to raise SystemExit(143), so the watcher is
stopped by this process's own clean-up, not only by the kernel, and the exit status is 143. The server reads
what the watcher stores through the store itself (GET /api/stream), not through a pipe.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Sequence
from types import TracebackType
from typing import Any

STOP_SECONDS = 10.0  # how long a stopped watcher may take to finish its article


def watch_command(paths: Sequence[str], db: str, feeds: str | None = None) -> list[str]:
    """The command line of the watcher of `paths` (and `feeds`) into the store `db`."""
    command = [sys.executable, "-m", "eventwire", "watch", *paths, "--db", db]
    if feeds:
        command += ["--feeds", feeds]
    return command


def _die_with_parent(parent: int) -> Callable[[], None] | None:
    """A preexec_fn asking Linux to SIGTERM the child when this process dies (None elsewhere)."""
    if not sys.platform.startswith("linux"):
        return None

    def preexec() -> None:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
        if os.getppid() != parent:  # the server died before the request was made
            os.kill(os.getpid(), signal.SIGTERM)

    return preexec


class Watcher:
    """A watcher child process for the life of a `with` block.

    `on_exit(code)` is called (from a thread) if the child ends on its own; by default the
    server process is sent SIGTERM, which uvicorn takes as "stop".
    """

    def __init__(
        self,
        command: Sequence[str],
        on_exit: Callable[[int], None] | None = None,
        stop_seconds: float = STOP_SECONDS,
    ) -> None:
        self.command = list(command)
        self.on_exit = on_exit or _stop_this_process
        self.stop_seconds = stop_seconds
        self.process: subprocess.Popen[bytes] | None = None
        self.stopping = threading.Event()
        self.ended: int | None = None  # the exit code, if the child ended on its own
        self.previous: Any = None  # the SIGTERM handler before the block

    def __enter__(self) -> Watcher:
        if threading.current_thread() is threading.main_thread():
            self.previous = signal.signal(signal.SIGTERM, _exit_on_sigterm)
        self.process = subprocess.Popen(
            self.command, stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent(os.getpid())
        )
        threading.Thread(target=self._wait, name="watcher-wait", daemon=True).start()
        return self

    def _wait(self) -> None:
        assert self.process is not None
        code = self.process.wait()
        if not self.stopping.is_set():
            self.ended = code
            self.on_exit(code)

    def stop(self) -> int | None:
        """Stop the child (SIGTERM, then SIGKILL after `stop_seconds`); its exit code."""
        self.stopping.set()
        if self.process is None:
            return None
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(self.stop_seconds)
            except subprocess.TimeoutExpired:
                self.process.kill()
        return self.process.wait()

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        try:
            self.stop()
        finally:
            if self.previous is not None:
                signal.signal(signal.SIGTERM, self.previous)


def _exit_on_sigterm(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)


def _stop_this_process(code: int) -> None:
    print(
        f"eventwire: the watcher exited (code {code}); stopping the server with it",
        file=sys.stderr,
        flush=True,
    )
    os.kill(os.getpid(), signal.SIGTERM)
