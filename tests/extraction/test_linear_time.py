"""Extraction time grows with an article's length, not with its square."""

from __future__ import annotations

import time
from pathlib import Path

from eventwire.pipeline import extract

STORY = (Path(__file__).resolve().parents[2] / "examples/articles/kharkiv-strikes.txt").read_text()


def _seconds(chars: int) -> float:
    text = ("\n\n".join([STORY] * (chars // len(STORY) + 1)))[:chars]
    start = time.perf_counter()
    extract(text, published="2025-06-02")
    return time.perf_counter() - start


def test_four_times_the_text_takes_about_four_times_as_long() -> None:
    _seconds(5_000)  # models and indexes loaded
    short, long = _seconds(20_000), _seconds(80_000)
    # linear: ~4x; the old per-sentence rebuilding of Doc.text made it ~12x at these sizes
    assert long < 7 * short, (short, long)


def test_inside_brackets_counts_the_brackets_before() -> None:
    from eventwire.extraction.mentions import _bracketed

    text = "Shelling [4 killed] near X [coded to this event; see [1]] and Y."
    for offset in range(len(text) + 1):
        before = text[:offset]
        assert _bracketed(text, offset) == (before.count("[") > before.count("]")), offset
