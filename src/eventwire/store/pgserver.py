"""A throwaway PostgreSQL server for the tests and the ingest bench: a temporary data directory,
127.0.0.1 on a free port, removed when stopped.

It uses the Debian packages `make system` installs (postgresql-15, postgresql-15-postgis-3).
PostgreSQL refuses to run as root, so under root the server runs as the `postgres` user the
package creates (else `nobody`), its directory handed to that user.
"""

from __future__ import annotations

import atexit
import contextlib
import itertools
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

BINDIR_ENV = "EVENTWIRE_PG_BINDIR"  # where initdb and pg_ctl are, instead of looking for them
SUPERUSER = "eventwire"
TEMPLATE = "eventwire_template"  # a database with PostGIS, copied for each fresh database

# Settings that trade crash safety of the *server* for speed: a throwaway server's data is lost
# with it anyway. A client killed mid-transaction is unaffected (its transaction rolls back).
FAST = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


def find_bindir() -> Path | None:
    """The directory of PostgreSQL's initdb and pg_ctl, newest version first; None if absent."""
    candidates = []
    if os.environ.get(BINDIR_ENV):  # given: that one only
        bindir = Path(os.environ[BINDIR_ENV])
        return bindir if (bindir / "initdb").is_file() else None
    root = Path("/usr/lib/postgresql")
    if root.is_dir():
        versions = sorted(
            (p for p in root.iterdir() if p.name.isdigit()), key=lambda p: -int(p.name)
        )
        candidates += [p / "bin" for p in versions]
    if shutil.which("pg_ctl"):
        candidates.append(Path(shutil.which("pg_ctl") or "").parent)
    for bindir in candidates:
        if (bindir / "initdb").is_file() and (bindir / "pg_ctl").is_file():
            return bindir
    return None


def missing() -> str | None:
    """Why no throwaway server can run here (no binaries, no psycopg), or None if one can."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[postgres]')"
    if find_bindir() is None:
        return f"PostgreSQL's initdb/pg_ctl are not installed (make system; or set {BINDIR_ENV})"
    return None


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _temp_root(user: pwd.struct_passwd | None) -> str | None:
    """Where the server's directory goes: the usual temporary directory, unless the server's
    own user could not reach it (a $TMPDIR under /root), then /tmp."""
    if user is None:
        return None
    here = Path(tempfile.gettempdir()).resolve()
    reachable = all(p.stat().st_mode & 0o001 for p in (here, *here.parents))
    return str(here) if reachable else "/tmp"


def _server_user() -> pwd.struct_passwd | None:
    """The unprivileged user to run the server as when we are root; None when we are not."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            return pwd.getpwnam(name)
        except KeyError:
            continue
    raise RuntimeError("running as root and neither a 'postgres' nor a 'nobody' user exists")


class ThrowawayServer:
    """A PostgreSQL server in a temporary directory on 127.0.0.1; `stop()` removes everything.

    `fast=True` turns fsync off (tests); the bench keeps fsync and turns only
    synchronous_commit off, as SQLite's WAL mode with synchronous=NORMAL does.
    """

    def __init__(self, *, fast: bool = True, bindir: Path | None = None) -> None:
        found = bindir or find_bindir()
        if found is None:
            raise FileNotFoundError(
                "PostgreSQL's initdb/pg_ctl not found (make system installs postgresql-15;"
                f" or set {BINDIR_ENV})"
            )
        self.bindir = found
        self.settings = dict(FAST) if fast else {"synchronous_commit": "off"}
        self.user = _server_user()
        self.directory = Path(tempfile.mkdtemp(prefix="eventwire-pg-", dir=_temp_root(self.user)))
        self.data = self.directory / "data"
        self.log = self.directory / "server.log"
        self.port = 0
        self.running = False
        if self.user is not None:
            os.chown(self.directory, self.user.pw_uid, self.user.pw_gid)

    # --- running the server's programs as its user ---

    def _run(self, program: str, *args: str, timeout: float = 120) -> None:
        command = [str(self.bindir / program), *args]
        user = self.user
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            timeout=timeout,
            cwd=self.directory,
            env={**os.environ, "LC_ALL": "C", "LANG": "C"},
            user=user.pw_uid if user else None,
            group=user.pw_gid if user else None,
            extra_groups=[] if user else None,
        )
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(
                f"{program} failed ({done.returncode}): {done.stderr.strip()[-2000:]}\n{log}"
            )

    def start(self) -> ThrowawayServer:
        """initdb, then start on a free port (tried three times in case another took it)."""
        try:
            self._start()
        except BaseException:
            self.stop()
            raise
        return self

    def _start(self) -> None:
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--no-locale",
            "--no-sync",
        )
        options = " ".join(f"-c {k}={v}" for k, v in self.settings.items())
        for attempt in range(3):
            self.port = _free_port()
            try:
                self._run(
                    "pg_ctl",
                    "start",
                    "-w",
                    "-t",
                    "60",
                    "-D",
                    str(self.data),
                    "-l",
                    str(self.log),
                    "-o",
                    f"-c listen_addresses=127.0.0.1 -p {self.port}"
                    f" -c unix_socket_directories='{self.directory}' {options}",
                )
                break
            except RuntimeError:
                if attempt == 2:
                    raise
                time.sleep(0.2)
        self.running = True
        self._make_template()

    def stop(self) -> None:
        """Stop the server at once and remove its directory."""
        if self.running:
            with contextlib.suppress(RuntimeError, subprocess.TimeoutExpired):
                self._run("pg_ctl", "stop", "-D", str(self.data), "-m", "immediate", "-w")
            self.running = False
        shutil.rmtree(self.directory, ignore_errors=True)

    # --- databases ---

    def url(self, database: str = "postgres") -> str:
        """The postgresql:// URL of a database of this server."""
        return f"postgresql://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def _admin(self, *statements: str) -> None:
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as db:
            for statement in statements:
                db.execute(statement)

    def _make_template(self) -> None:
        import psycopg

        self._admin(f"CREATE DATABASE {TEMPLATE}")
        with psycopg.connect(self.url(TEMPLATE), autocommit=True) as db:
            db.execute("CREATE EXTENSION IF NOT EXISTS postgis")

    def create_database(self, name: str) -> str:
        """A fresh database (PostGIS installed), and its URL."""
        _check_name(name)
        self._admin(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE} STRATEGY FILE_COPY")
        return self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a database, ending its open sessions first."""
        _check_name(name)
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")

    @contextlib.contextmanager
    def fresh_database(self) -> Iterator[str]:
        """A new database's URL for the duration of a `with`; dropped afterwards."""
        name = f"eventwire_{os.getpid()}_{next(_numbers)}"
        url = self.create_database(name)
        try:
            yield url
        finally:
            self.drop_database(name)

    def __enter__(self) -> ThrowawayServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


_numbers = itertools.count(1)
_shared: ThrowawayServer | None = None


def shared_server() -> ThrowawayServer:
    """One throwaway server for this process (the tests'), started on first use, stopped at exit."""
    global _shared
    if _shared is None or not _shared.running:
        _shared = ThrowawayServer(fast=True).start()
        atexit.register(_shared.stop)
    return _shared


def _check_name(name: str) -> None:
    if not (name.isascii() and name.replace("_", "").isalnum() and name[0].isalpha()):
        raise ValueError(f"not a plain database name: {name!r}")


@contextlib.contextmanager
def throwaway_database(*, fast: bool = True) -> Iterator[str]:
    """A throwaway server with one fresh database: its URL, everything removed afterwards."""
    with ThrowawayServer(fast=fast) as server:
        yield server.create_database("eventwire")
