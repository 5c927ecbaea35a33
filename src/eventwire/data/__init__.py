"""The package's vocabulary files (YAML under this folder), loaded once each."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

from eventwire.data import parsed


@cache
def load_vocabulary(name: str) -> Any:
    """The parsed contents of `eventwire/data/<name>.yaml`."""
    return parse_yaml(resources.files(__package__).joinpath(f"{name}.yaml").read_text("utf-8"))


def parse_yaml(text: str) -> Any:
    """A YAML document's contents: those parsed at install time where the text is the same
    (`eventwire.data.parsed`), else `parse_text`'s."""
    contents = parsed.lookup(text)
    return parse_text(text) if contents is parsed.MISSING else contents


def parse_text(text: str) -> Any:
    """A YAML document's contents, read with a safe loader (libyaml's where there is one)."""
    import yaml  # only where a file is not among those parsed at install time

    # libyaml's parser where PyYAML was built with it (the same documents, a seventh of the
    # time); the pure-Python one otherwise
    return yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
