"""Bytes or text in, a checked `Article` out, or an `InputError` saying what is wrong."""

from __future__ import annotations

import re
import warnings
from datetime import date, datetime

from eventwire.model import Article
from eventwire.read.language import why_not_english

MAX_BYTES = 5_000_000  # one article; the longest wire stories are well under 100 kB

# File signatures of the binary files most often passed by mistake, first bytes -> what it is.
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document; extract its text first"),
    (b"PK\x03\x04", "a ZIP archive or office document; extract its text first"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first"),
)
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = "\ufeff"
# C0 control characters other than tab, line feed, vertical tab, form feed, carriage return.
CONTROL = re.compile(r"[\x01-\x08\x0e-\x1f\x7f]")


class InputError(ValueError):
    """An input that cannot be read as an English article; `str()` is a one-line message.

    `source` names the input: a file name, "<stdin>", or "name:line" for a JSON Lines line.
    """

    def __init__(self, message: str, source: str = "") -> None:
        super().__init__(message)
        self.source = source

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # keeps `source` when the error crosses a process boundary (pickling)
        return (type(self), (str(self), self.source))


class Skipped(InputError):
    """A file of a directory that is not read, and why: reported, but not a failure (a folder
    of articles may hold pictures and notes beside them)."""


def article_from_bytes(
    data: bytes,
    *,
    name: str,
    published: date | None = None,
    source: str | None = None,
    article_id: str | None = None,
    url: str | None = None,
    title: str | None = None,
) -> Article:
    """The article `data` holds (UTF-8 text, BOM allowed), checked; `name` labels errors."""
    text = text_from_bytes(data, name=name)
    validate_text(text, name=name)
    return Article(
        text=text,
        article_id=article_id or "",
        published=published,
        source=source,
        url=url,
        title=title,
        name=None if name.startswith("<") else name,  # not "<stdin>" or "<text>"
    )


def text_from_bytes(data: bytes, *, name: str) -> str:
    """`data` decoded as strict UTF-8 (a leading BOM dropped), or an InputError why not."""
    if len(data) > MAX_BYTES:
        raise InputError(too_large(len(data)), name)
    problem = binary_problem(data)
    if problem:
        raise InputError(problem, name)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(
            f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})", name
        ) from None
    return text.removeprefix(UTF8_BOM)


def validate_text(text: str, *, name: str = "<text>") -> None:
    """Raise InputError unless `text` is a plausible English article within the size limit."""
    if not text or text.isspace():
        raise InputError("empty input" if not text else "empty input (only whitespace)", name)
    if "\x00" in text:
        raise InputError("binary data (NUL characters)", name)
    if len(text) * 4 > MAX_BYTES:  # cheap bound first; UTF-8 takes at most 4 bytes a char
        size = len(text.encode("utf-8", "surrogatepass"))
        if size > MAX_BYTES:
            raise InputError(too_large(size), name)
    head = text[:4096]
    if len(CONTROL.findall(head)) * 100 > len(head):
        raise InputError("binary data (control characters)", name)
    reason = why_not_english(text)
    if reason:
        raise InputError(f"not English ({reason})", name)


def binary_problem(data: bytes) -> str | None:
    """Why `data` is plainly not text (a known file signature, UTF-16, NUL bytes), if it is not."""
    problem = file_signature_problem(data)
    if problem is None and b"\x00" in data:
        problem = "binary data (NUL bytes)"
    return problem


def file_signature_problem(data: bytes) -> str | None:
    """What non-text file `data` starts like (PNG, PDF, gzip, UTF-16, …), if any."""
    for signature, what in SIGNATURES:
        if data.startswith(signature):
            return f"binary data ({what})"
    if data.startswith(UTF16_BOMS):
        return "not UTF-8 text (UTF-16 byte-order mark; convert it to UTF-8)"
    return None


def too_large(size: int) -> str:
    """The message for an input of `size` bytes over MAX_BYTES."""
    return f"too large: {size / 1e6:.1f} MB (limit {MAX_BYTES / 1e6:g} MB)"


# Two defaults that differ in every field: a part the string lacks shows up as a difference.
_DEFAULTS = (datetime(1901, 1, 1), datetime(1904, 2, 2))
_NUMERIC_DAY = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}")
DATE_FORMS = "YYYY-MM-DD, '14 March 2022' or 'Mar 14, 2022'"


def parse_day(value: str) -> date:
    """The day a date string names, or a ValueError whose message says why not and what to write.

    The one parser of publication dates (options, the Python API, JSON Lines, page metadata).
    'YYYY-MM-DD' and ISO timestamps (the day as written, not converted to UTC) first, then the
    forms people and news sites write: '14 March 2022', 'Mar 14, 2022', 'Dec 17, 2016 5:05 PM',
    'Mon, 14 Mar 2022 10:00:00 GMT', '11/28/2016'. Refused: a time without a day ('7:58 AM
    ET'), a month ('March 2022'), and a numeric date that reads two ways ('03/04/2022').
    """
    value = value.strip()
    day = value[:10] if len(value) > 10 and value[10] in "T " else value
    try:
        return date.fromisoformat(day)
    except ValueError:
        pass
    from dateutil import parser

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # unknown time-zone names: only the day is kept
            readings = {parser.parse(value, default=d).date() for d in _DEFAULTS}
            if _NUMERIC_DAY.fullmatch(value):
                readings.add(parser.parse(value, dayfirst=True).date())
    except (ValueError, OverflowError):
        raise ValueError(f"not a date: {value!r} (write {DATE_FORMS})") from None
    if len(readings) == 1:
        return readings.pop()
    if _NUMERIC_DAY.fullmatch(value) and len(readings) == 2:
        first, second = sorted(readings)
        raise ValueError(
            f"{value!r} is ambiguous: {_spelled(first)} or {_spelled(second)}?"
            f" Write it as YYYY-MM-DD ({first.isoformat()} or {second.isoformat()})"
        )
    raise ValueError(f"{value!r} names no single day (write {DATE_FORMS})")


def _spelled(day: date) -> str:
    return f"{day.day} {day:%B %Y}"


def publication_date(value: str) -> date | None:
    """The day a metadata date string names (`parse_day`), or None if it names no single day."""
    try:
        return parse_day(value)
    except ValueError:
        return None
