"""Reading inputs into checked `Article` records: text, JSON Lines, HTML, feeds, directories, stdin."""

from __future__ import annotations

from eventwire.read.articles import (
    MAX_BYTES,
    InputError,
    Skipped,
    article_from_bytes,
    validate_text,
)
from eventwire.read.feeds import articles_from_feed
from eventwire.read.html import article_from_html
from eventwire.read.inputs import names_input, read_arguments, read_inputs
from eventwire.read.language import why_not_english
from eventwire.read.paths import read_paths

__all__ = [
    "MAX_BYTES",
    "InputError",
    "Skipped",
    "article_from_bytes",
    "article_from_html",
    "articles_from_feed",
    "names_input",
    "read_arguments",
    "read_inputs",
    "read_paths",
    "validate_text",
    "why_not_english",
]
