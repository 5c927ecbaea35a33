"""The package's vocabulary files (YAML under this folder), loaded once each."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml


@cache
def load_vocabulary(name: str) -> Any:
    """The parsed contents of `eventwire/data/<name>.yaml`."""
    text = resources.files(__package__).joinpath(f"{name}.yaml").read_text("utf-8")
    return yaml.safe_load(text)
