"""schemathesis against the API's own OpenAPI spec: no server error, responses as documented.

Every operation gets generated valid and invalid requests (writes with the token, so that the
ingest path is exercised too), sent in-process over ASGI to the app over a copy of the test
store; examples are capped to keep the run short.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from webstore import TOKEN

from eventwire.web.app import create_app

# per operation; a deeper run: EVENTWIRE_SCHEMATHESIS_EXAMPLES=500 pytest tests/web/test_schemathesis.py
MAX_EXAMPLES = int(os.environ.get("EVENTWIRE_SCHEMATHESIS_EXAMPLES", "40"))

# The spec does not depend on the data: it is read from an app over an empty store (pytest
# collects the cases before any fixture exists); the requests go to `filled_app`.
_EMPTY = tempfile.mkdtemp(prefix="eventwire-spec-")
atexit.register(shutil.rmtree, _EMPTY, True)
# /api/stream never ends (Server-Sent Events): tests/web/test_live.py tests it
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(f"{_EMPTY}/empty.sqlite", TOKEN, allowed_hosts=["testserver"])
).exclude(path="/api/stream")


@pytest.fixture(scope="module")
def filled_app(web_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    db = tmp_path_factory.mktemp("schemathesis") / "web.sqlite"
    shutil.copy(web_db, db)
    app = create_app(str(db), TOKEN, allowed_hosts=["testserver"])  # schemathesis's Host
    yield app
    app.state.pool.close()


@schema.parametrize()
@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    derandomize=True,
)
def test_api_conforms_to_its_spec(case: schemathesis.Case, filled_app: Any) -> None:
    case.call_and_validate(app=filled_app, headers={"Authorization": f"Bearer {TOKEN}"})
