"""Reading inputs into checked `Article` records: text, JSON Lines, directories, stdin."""

from __future__ import annotations

from eventwire.read.articles import MAX_BYTES, InputError, article_from_bytes, validate_text
from eventwire.read.language import why_not_english
from eventwire.read.paths import read_paths

__all__ = [
    "MAX_BYTES",
    "InputError",
    "article_from_bytes",
    "read_paths",
    "validate_text",
    "why_not_english",
]
