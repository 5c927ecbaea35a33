"""Every kind of input by file type: text, JSON Lines, HTML, RSS/Atom, directories, stdin."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from typing import BinaryIO

from eventwire.model import Article
from eventwire.read.articles import MAX_BYTES, InputError, too_large
from eventwire.read.feeds import FEED_SUFFIXES, articles_from_feed
from eventwire.read.html import HTML_SUFFIXES, article_from_html
from eventwire.read.paths import SUFFIX_FORMATS, directory_files, read_paths

# the files a directory gives, by suffix
INPUT_SUFFIXES = (*SUFFIX_FORMATS, *HTML_SUFFIXES, *FEED_SUFFIXES)


def read_inputs(
    paths: Sequence[str],
    *,
    published: date | None = None,
    source: str | None = None,
    input_format: str = "text",
    stdin: BinaryIO | None = None,
) -> Iterator[Article | InputError]:
    """Each article of `paths`, or an InputError for each bad file, line or entry.

    As `read_paths`, and: a file named *.jsonl is JSON Lines whatever `input_format` says,
    *.html/*.htm is an HTML page, *.rss/*.atom a feed; a
    directory gives its .txt, .jsonl, .html, .htm, .rss and .atom files, recursively, sorted.
    """
    for path in paths:
        if path == "-":
            yield from read_paths(
                [path],
                published=published,
                source=source,
                input_format=input_format,
                stdin=stdin if stdin is not None else sys.stdin.buffer,
            )
        elif os.path.isdir(path):
            files = directory_files(path, INPUT_SUFFIXES)
            if not files:
                yield InputError(f"directory holds no {', '.join(INPUT_SUFFIXES)} files", path)
            for file in files:
                suffix = os.path.splitext(file)[1].lower()
                fmt = SUFFIX_FORMATS.get(suffix, input_format)
                yield from _read_file(file, fmt, published, source)
        else:
            suffix = os.path.splitext(path)[1].lower()
            fmt = "jsonl" if suffix == ".jsonl" else input_format
            yield from _read_file(path, fmt, published, source)


def _read_file(
    path: str, input_format: str, published: date | None, source: str | None
) -> Iterator[Article | InputError]:
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in HTML_SUFFIXES + FEED_SUFFIXES:
        yield from read_paths([path], published=published, source=source, input_format=input_format)
        return
    try:
        size = os.path.getsize(path)
        if size > MAX_BYTES:  # said before reading a huge file into memory
            yield InputError(too_large(size), path)
            return
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as err:
        reason = err.strerror or str(err)
        yield InputError(reason[:1].lower() + reason[1:], path)
        return
    if suffix in FEED_SUFFIXES:
        yield from articles_from_feed(data, name=path, published=published, source=source)
        return
    try:
        yield article_from_html(data, name=path, published=published, source=source)
    except InputError as err:
        yield err
