"""The package's vocabulary files (YAML under this folder), loaded once each."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml

# libyaml's parser where PyYAML was built with it (the same documents, a seventh of the time:
# ~0.07 s of each start-up); the pure-Python one otherwise
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@cache
def load_vocabulary(name: str) -> Any:
    """The parsed contents of `eventwire/data/<name>.yaml`."""
    return parse_yaml(resources.files(__package__).joinpath(f"{name}.yaml").read_text("utf-8"))


def parse_yaml(text: str) -> Any:
    """A YAML document's contents, read with a safe loader (libyaml's where there is one)."""
    return yaml.load(text, Loader=_LOADER)
