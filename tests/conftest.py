"""Shared fixtures: the spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from spacy.language import Language

SHARED = Path(os.environ.get("EVENTWIRE_SHARED", Path(__file__).resolve().parents[2] / "shared"))


@pytest.fixture(scope="session")
def nlp() -> Language:
    from eventwire.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The team's shared folder (../shared); its absence fails under CI, skips elsewhere."""
    if not SHARED.is_dir():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{SHARED} is missing (CI=true)")
        pytest.skip(f"{SHARED} not found")
    return SHARED
