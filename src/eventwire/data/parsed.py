"""The package's YAML files parsed once, at install time (`make install`), not at each start.

Even with libyaml's parser, building the Python objects of the vocabularies' 60 kB of YAML
took ~0.05-0.08 s of a one-paragraph `eventwire extract` (issue 13). `save` parses each
`*.yaml` of the package and keeps its contents `marshal`ed, keyed by the file's text; `lookup`
gives a fresh copy of a text's contents from that table, or `MISSING` for a text not in it (a
file changed since: it is parsed as before). marshal writes dicts, lists, strings, numbers,
booleans and None as they are, in order, and a file whose contents it cannot write exactly
(a date, say) is left out.
"""

from __future__ import annotations

import marshal
import sys
from functools import cache
from pathlib import Path
from typing import Any

PACKAGE = Path(__file__).resolve().parents[1]
TABLE = PACKAGE / "index" / f"yaml.{sys.implementation.cache_tag}"
MISSING = object()  # what `lookup` gives for a text not in the table


@cache
def _table(path: Path) -> dict[str, bytes]:
    try:
        table = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if isinstance(table, dict) else {}


def lookup(text: str, path: Path = TABLE) -> Any:
    """The saved contents of a YAML document (a copy of its own), else `MISSING`."""
    saved = _table(path).get(text)
    return MISSING if saved is None else marshal.loads(saved)


def save(path: Path = TABLE) -> int:
    """Parse the package's YAML files and save their contents at `path`; how many."""
    from eventwire.data import parse_text

    table: dict[str, bytes] = {}
    for file in sorted(PACKAGE.rglob("*.yaml")):
        text = file.read_text(encoding="utf-8")
        contents = parse_text(text)
        try:
            saved = marshal.dumps(contents)
        except ValueError:  # an object marshal cannot write
            continue
        if marshal.loads(saved) == contents:
            table[text] = saved
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(marshal.dumps(table))
    partial.replace(path)
    _table.cache_clear()
    return len(table)


def main() -> None:
    """`python -m eventwire.data.parsed`: save the table."""
    print(f"eventwire: {save()} YAML files parsed into {TABLE}")


if __name__ == "__main__":
    main()
