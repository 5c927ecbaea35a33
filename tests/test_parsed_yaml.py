"""The YAML files parsed at install time give what parsing them gives, value and type."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from eventwire.data import parse_text, parse_yaml
from eventwire.data.parsed import MISSING, PACKAGE, lookup, save


def _typed(value: Any) -> Any:
    """`value` with each leaf's type beside it (1, 1.0 and True are equal, their types not)."""
    if isinstance(value, dict):
        return [(_typed(k), _typed(v)) for k, v in value.items()]
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [_typed(v) for v in value])
    return (type(value).__name__, value)


def test_each_saved_file_is_what_parsing_it_gives(tmp_path: Path) -> None:
    table = tmp_path / "yaml"
    files = sorted(PACKAGE.rglob("*.yaml"))
    assert save(table) == len(files) > 5
    for file in files:
        text = file.read_text(encoding="utf-8")
        assert _typed(lookup(text, table)) == _typed(parse_text(text)), file


def test_each_lookup_is_a_copy_of_its_own(tmp_path: Path) -> None:
    table = tmp_path / "yaml"
    save(table)
    text = (PACKAGE / "data" / "cues.yaml").read_text(encoding="utf-8")
    first = lookup(text, table)
    first.clear()
    assert lookup(text, table)


def test_a_text_not_saved_is_parsed() -> None:
    assert lookup("a: [1, 2]\n") is MISSING
    assert parse_yaml("a: [1, 2]\n") == {"a": [1, 2]}
