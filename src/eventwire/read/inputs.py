"""Every kind of input by file type: text, JSON Lines, HTML, RSS/Atom, directories, stdin."""

from __future__ import annotations

import io
import os
import re
import sys
from collections.abc import Iterator, Sequence
from datetime import date
from typing import BinaryIO

from eventwire.model import Article
from eventwire.read.articles import MAX_BYTES, InputError, Skipped, binary_problem, too_large
from eventwire.read.feeds import FEED_SUFFIXES, articles_from_feed
from eventwire.read.html import HTML_SUFFIXES, article_from_html
from eventwire.read.paths import (
    STDIN,
    SUFFIX_FORMATS,
    directory_files,
    forced,
    os_message,
    read_data,
    read_paths,
)
from eventwire.read.sidecar import read_sidecar, settle_metadata

# the files a directory gives, by suffix; .xml files are taken if their content is a feed
INPUT_SUFFIXES = (*SUFFIX_FORMATS, *HTML_SUFFIXES, *FEED_SUFFIXES, ".xml")
SNIFF_BYTES = 2048
TEXT_ARGUMENT = "<text>"  # how errors name a text given as an argument
# what a file's first bytes say it is, after an optional BOM, XML declaration and comments
_LEAD = rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*"
_FEED = re.compile(
    _LEAD + rb"(?:<\?xml-stylesheet[^>]*>\s*)*<(?:rss|feed|rdf:RDF)[\s>]", re.I | re.S
)
_FEED_ENTRY = re.compile(rb"<(?:item|entry)[\s>]", re.I)
_HTML = re.compile(_LEAD + rb"<(?:!doctype\s+html|html|head|body)[\s>]", re.I | re.S)


def sniff(head: bytes) -> str | None:
    """ "feed" or "html" when the first bytes of a file say so, else None (plain text)."""
    if _FEED.match(head):
        return "feed"
    if _HTML.match(head):
        return "html"
    return None


def read_inputs(
    paths: Sequence[str],
    *,
    published: date | None = None,
    source: str | None = None,
    input_format: str = "text",
    stdin: BinaryIO | None = None,
    published_override: bool = False,
) -> Iterator[Article | InputError]:
    """Each article of `paths`, or an InputError for each bad file, line or entry.

    As `read_paths`, and: a file named *.jsonl is JSON Lines whatever `input_format` says,
    *.html/*.htm is an HTML page, *.rss/*.atom a feed, and a text file or stdin whose first
    bytes are a feed or an HTML page (`sniff`) is read as one; a directory gives its .txt,
    .jsonl, .html, .htm, .rss, .atom and .xml files, recursively, sorted. A sidecar NAME.json
    beside a text or HTML file gives its metadata (read/sidecar.py: the page's own first, then
    the sidecar, then the arguments; `published_override` forces `published`).
    """
    override = published_override and published is not None
    for path in paths:
        if path == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            if not hasattr(stream, "peek"):
                stream = io.BufferedReader(stream)
            head = stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
            kind = sniff(head) if input_format == "text" else None
            if kind:
                data = stream.read(MAX_BYTES + 1)
                yield from _read_markup(data, kind, STDIN, published, source, override)
                continue
            yield from read_paths(
                [path],
                published=published,
                source=source,
                input_format=input_format,
                stdin=stream,
                published_override=override,
            )
        else:
            files = _files(path, input_format)
            if not files:
                yield InputError(f"directory holds no {', '.join(INPUT_SUFFIXES)} files", path)
            for file, fmt in files:
                yield from _read_file(file, fmt, published, source, override)
            if os.path.isdir(path):
                yield from skipped_files(path)


def names_input(argument: str) -> bool:
    """Whether a command-line argument names an input ("-" for stdin, a file or directory)
    rather than being a text itself ("Kyiv", "Chuhuiv, south of Kharkiv")."""
    return argument == "-" or os.path.exists(argument)


def read_arguments(
    arguments: Sequence[str],
    *,
    text_arguments: bool = False,
    published: date | None = None,
    source: str | None = None,
    input_format: str = "text",
    stdin: BinaryIO | None = None,
    published_override: bool = False,
) -> Iterator[Article | InputError]:
    """As `read_inputs`, and with `text_arguments` an argument that names no input
    (`names_input`) is read as the text of an article (a JSON Lines line with --input-format
    jsonl), in the order given."""
    for argument in arguments:
        if not text_arguments or names_input(argument):
            yield from read_inputs(
                [argument],
                published=published,
                source=source,
                input_format=input_format,
                stdin=stdin,
                published_override=published_override,
            )
        else:
            for item in read_paths(
                ["-"],
                published=published,
                source=source,
                input_format=input_format,
                stdin=io.BytesIO(argument.encode("utf-8", "surrogatepass")),
                published_override=published_override,
            ):
                if isinstance(item, InputError):
                    item.source = item.source.replace(STDIN, TEXT_ARGUMENT, 1)
                yield item


def skipped_files(directory: str) -> Iterator[Skipped]:
    """The files under `directory` that are not read, each with why: a kind of file eventwire
    does not read (what its first bytes show, if binary). Hidden files, and a NAME.json
    beside the article NAME.txt/.html (its metadata), are passed over in silence."""
    read = set(directory_files(directory, INPUT_SUFFIXES))
    stems = {os.path.splitext(file)[0] for file in read}
    for file in directory_files(directory, None):
        stem, suffix = os.path.splitext(file)
        if file in read or (suffix.lower() == ".json" and stem in stems):
            continue
        try:
            with open(file, "rb") as stream:
                problem = binary_problem(stream.read(SNIFF_BYTES))
        except OSError as err:
            problem = os_message(err)
        kind = f"a {suffix} file" if suffix else "a file without a suffix"
        yield Skipped(
            f"skipped: {problem or kind}; eventwire reads {', '.join(INPUT_SUFFIXES)} files",
            file,
        )


def _files(path: str, input_format: str) -> list[tuple[str, str]]:
    """The files a path names, each with the format it is read in ("text" or "jsonl")."""
    if os.path.isdir(path):
        # by suffix; markup is sniffed as text
        return [
            (file, SUFFIX_FORMATS.get(os.path.splitext(file)[1].lower(), "text"))
            for file in directory_files(path, INPUT_SUFFIXES)
        ]
    suffix = os.path.splitext(path)[1].lower()
    return [(path, "jsonl" if suffix == ".jsonl" else input_format)]


def count_items(paths: Sequence[str], input_format: str = "text") -> int | None:
    """How many items (articles or failures) `read_inputs` will give, for a progress bar.

    A JSON Lines file counts its non-blank lines, a feed its entries, any other file 1;
    None when stdin is among the inputs. Cheap next to extraction: a scan of the bytes.
    """
    total = 0
    for path in paths:
        if path == "-":
            return None
        total += sum(_file_items(f, fmt) for f, fmt in _files(path, input_format)) or 1
        if os.path.isdir(path):
            total += sum(1 for _ in skipped_files(path))
    return total


def _file_items(path: str, input_format: str) -> int:
    try:
        if os.path.getsize(path) > MAX_BYTES and input_format != "jsonl":
            return 1  # refused unread
        with open(path, "rb") as stream:
            if input_format == "jsonl":
                return sum(1 for line in stream if line.strip()) or 1
            data = stream.read()
    except OSError:
        return 1
    suffix = os.path.splitext(path)[1].lower()
    if suffix in FEED_SUFFIXES or sniff(data[:SNIFF_BYTES]) == "feed":
        return len(_FEED_ENTRY.findall(data)) or 1
    return 1


def input_files(path: str, input_format: str = "text") -> list[tuple[str, str]]:
    """The files `read_inputs` reads for one path (a directory's recursively, sorted), each
    with the format it is read in ("text" or "jsonl")."""
    return _files(path, input_format)


def read_file_data(
    path: str,
    data: bytes,
    input_format: str = "text",
    published: date | None = None,
    source: str | None = None,
    published_override: bool = False,
) -> Iterator[Article | InputError]:
    """As `read_inputs` reads the file `path`, from its bytes `data` read already (by a Ray
    Data read task, eventwire.distributed): the same articles and errors, in the same order."""
    override = published_override and published is not None
    suffix = os.path.splitext(path)[1].lower()
    kind = "feed" if suffix in FEED_SUFFIXES else "html" if suffix in HTML_SUFFIXES else None
    if kind is None and input_format == "text":
        kind = sniff(data[:SNIFF_BYTES])
    if kind is None:
        if suffix == ".xml":
            yield InputError("an XML file that is not an RSS or Atom feed", path)
            return
        yield from read_data(data, path, input_format, published, source, override)
        return
    if len(data) > MAX_BYTES:
        yield InputError(too_large(len(data)), path)
        return
    yield from _read_markup(data, kind, path, published, source, override)


def _read_file(
    path: str, input_format: str, published: date | None, source: str | None, override: bool
) -> Iterator[Article | InputError]:
    suffix = os.path.splitext(path)[1].lower()
    kind = "feed" if suffix in FEED_SUFFIXES else "html" if suffix in HTML_SUFFIXES else None
    try:
        if kind is None and input_format == "text":
            with open(path, "rb") as stream:
                kind = sniff(stream.read(SNIFF_BYTES))
        if kind is None:
            if suffix == ".xml":
                yield InputError("an XML file that is not an RSS or Atom feed", path)
                return
            yield from read_paths(
                [path],
                published=published,
                source=source,
                input_format=input_format,
                published_override=override,
            )
            return
        size = os.path.getsize(path)
        if size > MAX_BYTES:  # said before reading a huge file into memory
            yield InputError(too_large(size), path)
            return
        with open(path, "rb") as stream:
            data = stream.read()
    except OSError as err:
        yield InputError(os_message(err), path)
        return
    yield from _read_markup(data, kind, path, published, source, override)


def _read_markup(
    data: bytes,
    kind: str,
    name: str,
    published: date | None,
    source: str | None,
    override: bool = False,
) -> Iterator[Article | InputError]:
    """A feed's entries or an HTML page's article (each reader refuses an oversized input);
    a page's metadata settled with its sidecar's and the arguments (read/sidecar.py)."""
    if kind == "feed":
        entries = articles_from_feed(data, name=name, published=published, source=source)
        yield from forced(entries, published) if override else entries
        return
    sidecar = read_sidecar(name) if name != STDIN else None
    try:
        article = article_from_html(data, name=name, url=sidecar.url if sidecar else None)
    except InputError as err:
        yield err
        return
    yield settle_metadata(
        article,
        name=name,
        sidecar=sidecar,
        published=published,
        source=source,
        override=override,
    )
