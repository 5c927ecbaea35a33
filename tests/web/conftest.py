"""Fixtures of the web tests (data and helpers in webstore.py).

`web_db`: a SQLite store built once per session from real extracted articles, a hostile one
among them; `client`/`writable_client`: the app in a TestClient; `live_server`: uvicorn on a
free loopback port over a copy of the store, yielding a `webstore.LiveServer` (base `url`,
write `token`, `db`). The browser tests use `live_server` too.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from fastapi.testclient import TestClient
from webstore import TOKEN, LiveServer, build_store, local_client, serve_in_thread

if TYPE_CHECKING:
    from eventwire.store.pgserver import ThrowawayServer


@pytest.fixture(scope="session")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The session's store (read only: copy it to write, see `writable_db`)."""
    path = tmp_path_factory.mktemp("web") / "web.sqlite"
    build_store(str(path), path.parent)
    return path


@pytest.fixture
def writable_db(web_db: Path, tmp_path: Path) -> Path:
    """A copy of `web_db` a test may write to."""
    path = tmp_path / "web.sqlite"
    shutil.copy(web_db, path)
    return path


@pytest.fixture(scope="session")
def client(web_db: Path) -> Iterator[TestClient]:
    """The app over `web_db` (reads only), with TOKEN as its write token."""
    from eventwire.web.app import create_app

    with local_client(create_app(str(web_db), TOKEN)) as test_client:
        yield test_client


@pytest.fixture
def writable_client(writable_db: Path) -> Iterator[TestClient]:
    """The app over a fresh copy of the store: POSTs go there."""
    from eventwire.web.app import create_app

    with local_client(create_app(str(writable_db), TOKEN)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """uvicorn on a free loopback port over a copy of `web_db`, writes allowed with TOKEN."""
    from eventwire.web.app import create_app

    db = tmp_path_factory.mktemp("live") / "live.sqlite"
    shutil.copy(web_db, db)
    app = create_app(str(db), TOKEN)
    with serve_in_thread(app) as url:
        yield LiveServer(url, TOKEN, db)
    app.state.pool.close()


@pytest.fixture(scope="module")
def pg_web_url(
    pg_server: ThrowawayServer, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """The same articles in a fresh PostgreSQL database on the session's throwaway server
    (`pg_server`, tests/conftest.py)."""
    with pg_server.fresh_database() as url:
        build_store(url, tmp_path_factory.mktemp("pg-web"))
        yield url
