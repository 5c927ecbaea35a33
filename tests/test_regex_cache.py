"""The regular expressions saved at install time are built as Python compiles them."""

from __future__ import annotations

import _sre
import marshal
import os
import subprocess
import sys
from pathlib import Path

import eventwire.regex_cache as regex_cache
from eventwire.extraction.dates import _MASTER
from eventwire.regex_cache import _COMPILE, _table, compiled_form, save

MODULE = regex_cache.__file__


def test_each_saved_pattern_is_built_equal_to_the_compiled_one(tmp_path: Path) -> None:
    path = tmp_path / "regex"
    assert save(path) > 100
    table = _table(path)
    assert (_MASTER.pattern, 0) in table  # the date grammar (compiled without flags)
    for (pattern, flags), saved in table.items():
        built = _sre.compile(pattern, *saved)
        compiled = _COMPILE(pattern, flags)
        assert built == compiled  # the pattern, the flags and the code
        assert (built.groups, built.groupindex) == (compiled.groups, compiled.groupindex)


def _run_with_table(path: Path, code: str) -> str:
    """`code` run in a fresh interpreter after `use_saved(path)` (this module's file loaded
    alone, so that `import eventwire`'s own table is not in the way)."""
    setup = (
        "import importlib.util, re, sys\n"
        f"spec = importlib.util.spec_from_file_location('cache', {MODULE!r})\n"
        "cache = importlib.util.module_from_spec(spec)\n"
        "spec.loader.exec_module(cache)\n"
        f"cache.use_saved(__import__('pathlib').Path({str(path)!r}))\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run(
        [sys.executable, "-c", setup + code], capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_pattern_in_the_table_is_built_from_it_and_others_are_compiled(tmp_path: Path) -> None:
    path = tmp_path / "regex"
    # a table that says "a" compiles as "b" does: only a pattern built from it matches "b"
    table = {("a", 0): compiled_form("b", 0)}
    path.write_bytes(marshal.dumps((regex_cache._VERSION, table)))
    code = "print(bool(re.compile('a').match('b')), bool(re.compile('c').match('c')))"
    assert _run_with_table(path, code) == "True True"


def test_a_table_written_by_another_python_is_not_used(tmp_path: Path) -> None:
    path = tmp_path / "regex"
    table = {("a", 0): compiled_form("b", 0)}
    path.write_bytes(marshal.dumps((("2.7.18", 0, 0), table)))
    assert _run_with_table(path, "print(bool(re.compile('a').match('b')))") == "False"
    path.write_bytes(b"not marshal")
    assert _run_with_table(path, "print(bool(re.compile('a').match('a')))") == "True"
