"""`serve --watch`'s watcher process: started and stopped with the server, gone when the server
is killed, and the server told to stop when the watcher ends. Stand-in children (sleepers) keep
these fast; tests/web/test_live_browser.py runs the real `eventwire serve --watch`."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from eventwire.web.watcher import Watcher, watch_command

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]


def _gone(pid: int, seconds: float = 10) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        try:  # a child of this process: reap it
            if os.waitpid(pid, os.WNOHANG)[0] == pid:
                return True
        except ChildProcessError:
            pass
        time.sleep(0.05)
    return False


def test_the_command_watches_into_the_same_store() -> None:
    command = watch_command(["in", "more"], "postgresql://u@h/db", "feeds.txt")
    assert command == [
        sys.executable,
        "-m",
        "eventwire",
        "watch",
        "in",
        "more",
        "--db",
        "postgresql://u@h/db",
        "--feeds",
        "feeds.txt",
    ]
    assert "--feeds" not in watch_command(["in"], "x.sqlite")


def test_the_watcher_stops_with_the_server() -> None:
    ended: list[int] = []
    with Watcher(SLEEPER, on_exit=ended.append) as watcher:
        assert watcher.process is not None
        pid = watcher.process.pid
        assert not _gone(pid, 0.3)
    assert _gone(pid, 1)
    assert ended == [] and watcher.ended is None  # stopped, not ended on its own


def test_a_watcher_that_ends_stops_the_server() -> None:
    ended: list[int] = []
    with Watcher([sys.executable, "-c", "raise SystemExit(3)"], on_exit=ended.append) as watcher:
        deadline = time.monotonic() + 10
        while not ended and time.monotonic() < deadline:
            time.sleep(0.05)
    assert ended == [3] and watcher.ended == 3


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_the_watcher_dies_with_a_killed_server(tmp_path: Path) -> None:
    pid_file = tmp_path / "child.pid"
    server = textwrap.dedent(
        f"""
        import sys, time
        from eventwire.web.watcher import Watcher
        child = [sys.executable, "-c",
                 "import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid()));"
                 " time.sleep(120)"]
        with Watcher(child):
            time.sleep(120)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", server], env={**os.environ})
    try:
        deadline = time.monotonic() + 20
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        child = int(pid_file.read_text())
        assert not _gone(child, 0.3)
        parent.send_signal(signal.SIGKILL)  # no clean-up runs in the server
        parent.wait(10)
        assert _gone(child, 10), "the watcher outlived its killed server"
    finally:
        parent.kill()


def test_a_sigterm_stops_the_watcher_in_the_servers_clean_up(tmp_path: Path) -> None:
    # uvicorn ends on SIGTERM by raising it again: the block's handler turns it into
    # SystemExit(143), so the watcher is stopped by the server itself (status 143, not -15)
    pid_file = tmp_path / "child.pid"
    server = textwrap.dedent(
        f"""
        import os, signal, sys, time
        from eventwire.web.watcher import Watcher
        child = [sys.executable, "-c",
                 "import os, time; open({str(pid_file)!r}, 'w').write(str(os.getpid()));"
                 " time.sleep(120)"]
        with Watcher(child) as watcher:
            time.sleep(120)
        """
    )
    parent = subprocess.Popen([sys.executable, "-c", server])
    try:
        deadline = time.monotonic() + 20
        while not (pid_file.exists() and pid_file.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        child = int(pid_file.read_text())
        parent.send_signal(signal.SIGTERM)
        assert parent.wait(15) == 143
        assert _gone(child, 5)
    finally:
        parent.kill()


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(c) for c in path.read_text().split()] if path.exists() else []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_serve_watch_starts_and_stops_its_watcher(tmp_path: Path) -> None:
    import socket
    from urllib.request import urlopen

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = tmp_path / "serve.sqlite"
    args = ["serve", "--db", str(db), "--port", str(port), "--watch", str(inbox)]
    server = subprocess.Popen(
        [sys.executable, "-m", "eventwire", *args], stderr=subprocess.PIPE, env={**os.environ}
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2).close()
                break
            except OSError:
                time.sleep(0.1)
        [child] = _children(server.pid)
        command = Path(f"/proc/{child}/cmdline").read_text().split("\0")
        assert command[1:5] == ["-m", "eventwire", "watch", str(inbox)]
        assert command[5:7] == ["--db", str(db)]
        server.send_signal(signal.SIGTERM)
        assert server.wait(30) == 143
        assert _gone(child, 5)
        assert server.stderr is not None
        assert f"watching {inbox} into {db}".encode() in server.stderr.read()
    finally:
        server.kill()
