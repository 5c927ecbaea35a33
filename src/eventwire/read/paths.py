"""Files, directories and stdin (plain text or JSON Lines) in, one Article or InputError each."""

from __future__ import annotations

import io
import json
import logging
import os
import sys
from collections.abc import Callable, Collection, Iterator, Sequence
from dataclasses import replace
from datetime import date
from typing import Any, BinaryIO

from eventwire.model import Article
from eventwire.read.articles import (
    MAX_BYTES,
    InputError,
    article_from_bytes,
    file_signature_problem,
    parse_day,
    text_from_bytes,
    too_large,
    validate_text,
)
from eventwire.read.sidecar import read_sidecar, settle_metadata

log = logging.getLogger(__name__)

STDIN = "<stdin>"
INPUT_FORMATS = ("text", "jsonl")
SUFFIX_FORMATS = {".txt": "text", ".jsonl": "jsonl"}  # the files taken from a directory
CHUNK = 1 << 20


def read_paths(
    paths: Sequence[str],
    *,
    published: date | None = None,
    source: str | None = None,
    input_format: str = "text",
    stdin: BinaryIO | None = None,
    published_override: bool = False,
) -> Iterator[Article | InputError]:
    """Each article of `paths` in order, or an InputError for each file or line that is bad.

    "-" reads stdin. With input_format "text" a file is one article, and a sidecar NAME.json
    beside NAME.txt gives its published, source, title and url (read/sidecar.py); with "jsonl"
    each line is `{id, text, published, source, url, title}`. What the input says wins over
    the arguments, unless `published_override` forces `published`. A directory gives its
    *.txt (text) and *.jsonl (JSON Lines) files, recursively in sorted order. A bad item is
    yielded, never raised, and reading goes on with the rest.
    """
    if input_format not in INPUT_FORMATS:
        raise ValueError(f"input_format must be one of {INPUT_FORMATS}, not {input_format!r}")
    override = published_override and published is not None
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            items = _read_stream(stream, STDIN, input_format, published, source)
            yield from forced(items, published) if override else items
        elif os.path.isdir(path):
            files = directory_files(path)
            if not files:
                yield InputError("directory holds no .txt or .jsonl files", path)
            for file in files:
                suffix = os.path.splitext(file)[1].lower()
                yield from _read_file(file, SUFFIX_FORMATS[suffix], published, source, override)
        else:
            yield from _read_file(path, input_format, published, source, override)


def forced(
    items: Iterator[Article | InputError], published: date | None
) -> Iterator[Article | InputError]:
    """`items` with each article's publication date forced to `published` (--published-override)."""
    for item in items:
        yield replace(item, published=published) if isinstance(item, Article) else item


def directory_files(
    directory: str, suffixes: Collection[str] | None = tuple(SUFFIX_FORMATS)
) -> list[str]:
    """The files under `directory` with one of `suffixes` (None: any), hidden ones skipped,
    sorted."""
    found = []
    for root, dirs, files in os.walk(directory):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if suffixes is None or os.path.splitext(name)[1].lower() in suffixes:
                found.append(os.path.join(root, name))
    return found


def _read_file(
    path: str, input_format: str, published: date | None, source: str | None, override: bool
) -> Iterator[Article | InputError]:
    def read(p: date | None, s: str | None) -> Iterator[Article | InputError]:
        return _read_one_file(path, input_format, p, s)

    return _settled(read, path, input_format, published, source, override)


def read_data(
    data: bytes,
    path: str,
    input_format: str,
    published: date | None,
    source: str | None,
    override: bool = False,
) -> Iterator[Article | InputError]:
    """As reading the file `path` (text or JSON Lines), from its bytes `data` read already (by
    a Ray Data read task, eventwire.distributed): the same articles and errors."""

    def read(p: date | None, s: str | None) -> Iterator[Article | InputError]:
        return _read_stream(io.BytesIO(data), path, input_format, p, s)

    return _settled(read, path, input_format, published, source, override)


def _settled(
    read: Callable[[date | None, str | None], Iterator[Article | InputError]],
    path: str,
    input_format: str,
    published: date | None,
    source: str | None,
    override: bool,
) -> Iterator[Article | InputError]:
    """The articles `read` gives, their date and source settled: JSON Lines lines carry their
    own (the arguments fill in, `override` forces); a text file's come from its sidecar, then
    the arguments (read/sidecar.py)."""
    if input_format != "text":
        items = read(published, source)
        yield from forced(items, published) if override else items
        return
    sidecar = read_sidecar(path)
    for item in read(None, None):
        if isinstance(item, Article):
            item = settle_metadata(
                item,
                name=path,
                sidecar=sidecar,
                published=published,
                source=source,
                override=override,
            )
        yield item


def _read_one_file(
    path: str, input_format: str, published: date | None, source: str | None
) -> Iterator[Article | InputError]:
    try:
        stream = open(path, "rb")
    except OSError as err:
        yield InputError(os_message(err), path)
        return
    with stream:
        if input_format == "text":
            try:
                size = os.fstat(stream.fileno()).st_size
            except OSError:
                size = 0
            if size > MAX_BYTES:  # said before reading a huge file into memory
                yield InputError(too_large(size), path)
                return
        yield from _read_stream(stream, path, input_format, published, source)


def _read_stream(
    stream: BinaryIO, name: str, input_format: str, published: date | None, source: str | None
) -> Iterator[Article | InputError]:
    try:
        if input_format == "jsonl":
            yield from _read_jsonl(stream, name, published, source)
            return
        data = stream.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            size = len(data) + sum(len(chunk) for chunk in iter(lambda: stream.read(CHUNK), b""))
            yield InputError(too_large(size), name)
            return
    except OSError as err:
        yield InputError(os_message(err), name)
        return
    try:
        yield article_from_bytes(data, name=name, published=published, source=source)
    except InputError as err:
        yield err


def _read_jsonl(
    stream: BinaryIO, name: str, published: date | None, source: str | None
) -> Iterator[Article | InputError]:
    """One article per non-blank line of a JSON Lines stream."""
    lines = 0
    for number, raw in enumerate(stream, start=1):
        line = raw
        if number == 1:
            problem = file_signature_problem(line)
            if problem:  # one message for a compressed or UTF-16 file, not one per line
                yield InputError(problem, name)
                return
            line = line.removeprefix(b"\xef\xbb\xbf")
        if not line.strip():
            continue
        lines += 1
        where = f"{name}:{number}"
        try:
            yield _article_from_line(line, where, published, source)
        except InputError as err:
            yield err
    if not lines:
        yield InputError("empty input (no JSON lines)", name)


def _article_from_line(
    line: bytes, where: str, published: date | None, source: str | None
) -> Article:
    text_line = text_from_bytes(line, name=where)
    try:
        record = json.loads(text_line)
    except json.JSONDecodeError as err:
        raise InputError(f"invalid JSON: {err.msg} (column {err.colno})", where) from None
    if not isinstance(record, dict):
        raise InputError(f"not a JSON object but {_json_type(record)}", where)
    if "text" not in record:
        raise InputError("missing 'text'", where)
    text = record["text"]
    if not isinstance(text, str):
        raise InputError(f"'text' is {_json_type(text)}, not a string", where)
    validate_text(text, name=where)
    article_id = record.get("id")
    if isinstance(article_id, int) and not isinstance(article_id, bool):
        article_id = str(article_id)  # numeric ids are common in exports
    elif article_id is not None and not isinstance(article_id, str):
        raise InputError(f"'id' is {_json_type(article_id)}, not a string", where)
    fields = {key: _optional_string(record, key, where) for key in ("source", "url", "title")}
    return Article(
        text=text,
        article_id=article_id or "",
        published=_line_date(record.get("published"), where) or published,
        source=fields["source"] or source,
        url=fields["url"],
        title=fields["title"],
        name=None if where.startswith("<") else where,
    )


def _line_date(value: Any, where: str) -> date | None:
    """A line's `published` as a day; a value that names no day is warned about and ignored.

    The article is kept: its relative dates fall back to --published, else stay unresolved.
    """
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        reason = f"{_json_type(value)}, not a date string ({json.dumps(value)[:40]})"
    else:
        try:
            return parse_day(value)
        except ValueError as err:
            reason = str(err)
    log.warning("%s: 'published' ignored: %s; using --published if given", where, reason)
    return None


def _optional_string(record: dict[str, Any], key: str, where: str) -> str | None:
    value = record.get(key)
    if value is None or isinstance(value, str):
        return value
    raise InputError(f"'{key}' is {_json_type(value)}, not a string", where)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, dict):
        return "an object"
    return "a string"


def os_message(err: OSError) -> str:
    """'no such file', 'permission denied': the OS reason, without the repeated path."""
    reason = err.strerror or str(err)
    return reason[:1].lower() + reason[1:]
