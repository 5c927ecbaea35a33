"""Regular expressions compiled once, at install time (`make install`), not at each start.

Python compiles a regular expression in Python code (`re._parser`, `re._compiler`), and a
one-paragraph `eventwire extract` compiles ~360 of them before its first event: spaCy's
tokenizer's prefix, suffix, infix and URL expressions (3-15 kB each), the date grammar
(`extraction/dates.py`), spaCy's tokenizer exceptions, the actor names: ~0.15 s, holding the
GIL (issue 13).

`save` runs such an extract and records each pattern compiled with what `re._compiler` hands
to `_sre.compile` (the flags, the code, the groups), keyed by (pattern, flags), in a table
beside the package's other install-time indexes.
`use_saved` then has `re` build a pattern found in that table from it, one `_sre.compile`
call, and compile any other as usual: the pattern built is equal to the one compiled (`==`
compares pattern, flags and code; `tests/test_regex_cache.py`). The table holds no objects,
only strings and numbers (`marshal`); it is used only by the Python that wrote it (its version
and `_sre`'s magic number), and a pattern changed since is not in it.
"""

from __future__ import annotations

import _sre
import marshal
import re
import sys
from functools import cache
from pathlib import Path
from typing import Any

TABLE = Path(__file__).resolve().parent / "index" / f"regex.{sys.implementation.cache_tag}"
_VERSION = (sys.version, _sre.MAGIC, _sre.CODESIZE)  # a table is this very Python's
_compiler: Any = getattr(re, "_compiler", None)  # Python 3.11+
_parser: Any = getattr(re, "_parser", None)
_COMPILE = getattr(_compiler, "compile", None)  # re's own (this module is imported first)

Saved = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]


def compiled_form(pattern: str | bytes, flags: int) -> Saved:
    """What `re._compiler.compile(pattern, flags)` passes to `_sre.compile` after the pattern
    (as in CPython 3.11-3.13)."""
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, i in groupindex.items():
        indexgroup[i] = name
    return (
        int(flags | parsed.state.flags),
        [int(c) for c in code],  # opcodes are an int subclass, which marshal does not write
        parsed.state.groups - 1,
        groupindex,
        tuple(indexgroup),
    )


@cache
def _table(path: Path) -> dict[tuple[str | bytes, int], Saved]:
    try:
        version, table = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    return table if tuple(version) == _VERSION else {}


def use_saved(path: Path = TABLE) -> None:
    """Have `re` build the patterns in the table at `path` from their saved form (the table
    read at the first compile); nothing to do where it is absent or made by another Python,
    where `re` is not as this module knows it, or where its compile is wrapped already (a
    second call, or a `record`ing, which compiles every pattern)."""
    if _COMPILE is None or not hasattr(_compiler, "_code"):
        return
    original = _compiler.compile
    if getattr(original, "__module__", None) != _compiler.__name__:
        return

    def compile(pattern: Any, flags: int = 0) -> Any:
        if isinstance(pattern, (str, bytes)) and not flags & re.DEBUG:
            saved = _table(path).get((pattern, int(flags)))
            if saved is not None:
                return _sre.compile(pattern, *saved)
        return original(pattern, flags)

    _compiler.compile = compile


def save(path: Path = TABLE) -> int:
    """Run a one-paragraph `eventwire extract` in a fresh interpreter that records each
    pattern compiled from its start (`record`), and save them at `path`; how many."""
    import subprocess
    import tempfile

    from eventwire.bench import STARTUP_TEXT

    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / "one.txt"
        text.write_text(STARTUP_TEXT, encoding="utf-8")
        arguments = ["extract", "--format", "jsonl", "--published", "2025-06-02", str(text)]
        command = [sys.executable, "-c", _RECORDING, __file__, str(path), *arguments]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    _table.cache_clear()
    return len(_table(path))


# The recording interpreter: this file loaded as a module of its own, so that nothing of
# eventwire is imported before its recorder is in place; then `python -m eventwire ARGS`.
_RECORDING = """
import importlib.util, runpy, sys
spec = importlib.util.spec_from_file_location("eventwire_regex_recording", sys.argv[1])
recording = importlib.util.module_from_spec(spec)
spec.loader.exec_module(recording)
recording.record(sys.argv[2])
sys.argv = ["eventwire", *sys.argv[3:]]
runpy.run_module("eventwire", run_name="__main__")
"""


def record(path: str) -> None:
    """Record each pattern this process compiles from now on; save them at `path` at exit."""
    import atexit

    if _COMPILE is None:
        raise RuntimeError(f"no re._compiler.compile in Python {sys.version}")
    table: dict[tuple[str | bytes, int], Saved] = {}
    wrapped = _compiler.compile

    def recording(pattern: Any, flags: int = 0) -> Any:
        compiled = wrapped(pattern, flags)
        if isinstance(pattern, (str, bytes)) and not flags & re.DEBUG:
            table[pattern, int(flags)] = compiled_form(pattern, flags)
        return compiled

    def write() -> None:
        target = Path(path)
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(marshal.dumps((_VERSION, table)))
        partial.replace(target)

    re.purge()
    _compiler.compile = recording
    atexit.register(write)


def main() -> None:
    """`python -m eventwire.regex_cache`: save the table."""
    count = save()
    print(f"eventwire: {count} compiled regular expressions in {TABLE}")


if __name__ == "__main__":
    main()
