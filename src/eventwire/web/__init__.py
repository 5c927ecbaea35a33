"""eventwire's web API and map page: `eventwire serve` (FastAPI + uvicorn).

`create_app(store_location, token, tiles, allowed_hosts)` builds the app (web/app.py); its request and
response bodies are the pydantic models of web/models.py; the map page is web/static/.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["create_app"]


def create_app(
    store_location: str,
    token: str | None,
    tiles: str | None = None,
    allowed_hosts: Sequence[str] = (),
) -> FastAPI:
    """The FastAPI app over the store at `store_location` (see eventwire.web.app)."""
    from eventwire.web.app import create_app as build

    return build(store_location, token, tiles, allowed_hosts)
