"""Which dates stamp a log's entries (a live blog, ticker or bulletin) and how far each reaches."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import TYPE_CHECKING

from eventwire.data import load_vocabulary

if TYPE_CHECKING:
    # found and built by `dates`, which calls this module: here only read, and `replace`d
    from eventwire.extraction.dates import DateMention


# what may follow a log's day on its line: a time (and after it a bulletin's label in
# capitals: "SATURDAY, 17:00 NEWS"), then a dash or a bar, or nothing, or the bracket a
# ticker's label opened ("URGENT (Tuesday 00:55) – BRUSSELS – …", `is_stamp`)
_STAMP_END = re.compile(
    r"[ \t]*(?:,?[ \t]*(?:at[ \t]+)?[0-2]?\d[:.h][0-5]\d(?:[ \t]*(?:[ap]\.?m\.?|GMT|UTC|local))?"
    r"(?:[ \t]+(?-i:[A-Z]{2,12})){0,2})?[ \t]*(?:[-–—|:\])]|$)",
    re.M | re.I,
)
# what may stand before it: a bullet, a weekday's short name ("Tue 7 April")
# a weekday's name or short name ("Tue", "Thurs.", "Monday") before a log's day
# (in capitals too: a page of posts stamped "SAT 18 MAY, 16:40")
_SHORT_WEEKDAYS = [names[0][:3] for names in load_vocabulary("date_words")["weekdays"].values()]
WEEKDAY_SHORT = (
    rf"(?:(?:{'|'.join(_SHORT_WEEKDAYS)})[a-z]{{0,6}}\.?"
    rf"|(?:{'|'.join(_SHORT_WEEKDAYS).upper()})[A-Z]{{0,6}}\.?)"
)
# or a section's number ("4. Tuesday 22 October" over "4.1 In the evening, …" in a situation
# report), or a release's label in capitals in a compilation of releases ("BPS PRESS RELEASE -
# Wednesday 20 October 2021: Arrest of suspects", "RELEASE 2 - Sunday 14 May: …"), or a
# post's source in brackets in a compilation of posts ("[Qena News page] Friday 8 November,
# 4:12 pm - Heavy gunfire now in Abu Tisht"), or a numbered post's label and a comma ("POST 4,
# Wed 31 Jul, 09:30", "Update 3, Tue 4 June")
_STAMP_START = re.compile(
    # (or inside a forwarded note's brackets: "[Fwd, Sat 4 Jan, 18:12] …")
    # (or after a ticker's label, in its bracket: "FLASH (Monday 19:31) – …", and a numbered
    # bulletin's: "INFORMATION NOTE No. 1 (Wednesday 14 September, 21:00)")
    r"[ \t\-–—•*>]*(?:\[[^\]\n]{1,60}\][ \t]*|\[(?:[A-Za-z]{1,12}[ \t]*,?[ \t]*)?"
    r"|(?:[A-Z]{2,12}|[A-Z][a-z]{2,11})(?:[ \t]+(?:[A-Z]{2,12}|[A-Z][a-z]{2,11})){0,3}"
    r"(?:[ \t]+(?:No\.?[ \t]*|\#)?\d{1,4})?[ \t]*\()?"
    r"(?:(?:[A-Z][A-Z.'’]+(?:[ \t]+[A-Z][A-Z.'’]+){0,4}(?:[ \t]+(?:No\.?[ \t]*)?\d{1,4})?[ \t]*[-–—|:]"
    r"|(?:[A-Z][A-Z.'’]+|[A-Z][a-z]{2,9})[ \t]+(?:No\.?[ \t]*|\#)?\d{1,4}[ \t]*,)[ \t]*)?"
    rf"(?:\d{{1,2}}(?:\.\d{{1,2}})*\.?[ \t]+)?(?:{WEEKDAY_SHORT},?[ \t]*)?"
)


def log_stamps(
    text: str, found: list[DateMention], published: dt.date | None, offset: int
) -> list[DateMention]:
    """A log's stamps: in a live blog, a timeline or a dated list, the days that open two lines
    or more ("Tue 7 April, 09:40 — …", a heading "Thursday 19 January" over entries stamped
    "19:45 — …"), each marked `stamp` with the end of its entry (`scope_end`: the next stamp, a
    numbered section that is no day's, the end of its bulleted list); none where there is no
    log."""
    stamps = _without_its_recap(text, [d for d in found if is_stamp(text, d, offset)], offset)
    alone = len(stamps) == 1 and _heads_timed_entries(text, stamps[0], offset, published)
    # a digest's items each under the line that names its source and day, in any order
    alone = alone or bool(stamps) and all(_a_source_line(text, d, offset) for d in stamps)
    dated = [d for d in stamps if d.date != published]
    if not alone and (
        len(stamps) < 2
        or not (
            _one_way([d.date for d in dated])
            or _log_then_recap(text, dated, offset)
            or _grouped(text, dated, offset)
        )
    ):
        # a list of key facts that open on days out of order ("- Monday: … - Saturday: … -
        # Sunday: …") is no log: its days, and those below it, are the report's (the report's
        # own day on a line of its masthead is no day out of order)
        return []
    out = []
    for stamp, after in zip(stamps, [*stamps[1:], None], strict=True):
        end = len(text) + offset if after is None else after.start
        section = min(
            _next_section(text, stamp, offset),
            _list_end(text, stamp, offset),
            _next_heading(text, stamp, offset, end),
        )
        out.append(replace(stamp, stamp=True, scope_end=min(end, section)))
    return out


def _without_its_recap(text: str, stamps: list[DateMention], offset: int) -> list[DateMention]:
    """A log's stamps without the lines of its recap: posts stamped with their days ("SAT 18
    MAY, 16:40") over a recap's lines that open with a weekday alone ("Saturday: …"), or over
    a recap's list ("- Monday 9: Juliaca, airport …"), when the posts' days run one way and
    the recap tells none after the last (a timeline's list that goes on past its last stamp,
    "17 January - … ¶ - 19 January - …", is the timeline's)."""
    for kept in (
        [d for d in stamps if any(c.isdigit() for c in d.text)],
        [d for d in stamps if not _a_list_item(text, d, offset)],
    ):
        if (
            1 < len(kept) < len(stamps)
            and _one_way([d.date for d in kept])
            and all(d.date <= max(k.date for k in kept) for d in stamps)
        ):
            return kept
    return stamps


# an entry of a live blog, stamped with its time ("19:30 - Vaulx-en-Velin: five men …")
_TIMED_ENTRY = re.compile(
    r"^[ \t]*\d{1,2}[:.h]\d{2}[ \t]*(?:[ap]\.?m\.?[ \t]*)?[-–—|:]", re.M | re.I
)


def _heads_timed_entries(
    text: str, stamp: DateMention, offset: int, published: dt.date | None
) -> bool:
    """Whether a day alone on its line, not the report's, heads entries stamped with their
    times: a live blog's separator for the day before ("- SATURDAY 1 JULY -" over "22:40 -
    That is all for this evening" and "19:30 - … were arrested this afternoon", under the
    report's own day's entries), a log of its own though no other day opens a line."""
    return (
        _alone_on_its_line(text, stamp, offset)
        and stamp.date != published
        and _TIMED_ENTRY.search(text, stamp.end - offset) is not None
    )


def _alone_on_its_line(text: str, stamp: DateMention, offset: int) -> bool:
    """Whether nothing but dashes or a bullet stands beside the day on its line ("- SATURDAY 1
    JULY -")."""
    start, end = stamp.start - offset, stamp.end - offset
    line = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    rest = text[end : len(text) if stop < 0 else stop]
    return not text[line:start].strip(_FRAME) and not rest.strip(_FRAME)


_FRAME = " \t-–—•*"


_BULLET = re.compile(r"[ \t]*[-–—•*][ \t]")


def _a_list_item(text: str, d: DateMention, offset: int) -> bool:
    """Whether a day opens a bulleted list's item ("- Monday 9: …"; "- SATURDAY 1 JULY -", a
    separator, is none)."""
    line = text.rfind("\n", 0, d.start - offset) + 1
    return _BULLET.match(text, line) is not None and not _alone_on_its_line(text, d, offset)


def _list_end(text: str, stamp: DateMention, offset: int) -> int:
    """Where the bulleted list whose item a day opens ends ("- Saturday: a bomber killed two
    … - Sunday: a mine hit a bus …", then a paragraph): that item's entry ends with the list,
    not with the story. Past the text's end for a day that opens no bullet."""
    if not _a_list_item(text, stamp, offset):
        return len(text) + offset
    at = text.find("\n", stamp.start - offset)
    while at != -1 and _BULLET.match(text, at + 1):
        at = text.find("\n", at + 1)
    return (len(text) if at == -1 else at) + offset


# a heading on a paragraph of its own: a few words, no figure, no closing stop ("Casualties
# and arrests", "See also", "Reactions")
_HEADING = re.compile(r"(?<=\n\n)[ \t]*[A-Z][^\d\n.!?:;]{0,40}[^\d\n.!?:;,\s](?=[ \t]*\n\n)")


def _next_heading(text: str, stamp: DateMention, offset: int, stop: int) -> int:
    """Where a heading after a day's entry, before the next day's (`stop`), starts: a
    chronology's last entry ends at "Casualties and arrests", not at the story's end. Past
    the text's end when none comes."""
    line_end = text.find("\n", stamp.end - offset)
    if line_end < 0:
        return len(text) + offset
    m = _HEADING.search(text, line_end, stop - offset)
    if m is None or len(m.group().split()) > _HEADING_WORDS:
        return len(text) + offset
    return m.start() + offset


_HEADING_WORDS = 6


# a section heading in capitals on a line of its own ("- RECAP: WHAT HAPPENED BEFORE -")
_CAPITAL_LINE = re.compile(r"^[ \t\-–—=*]*[A-Z][A-Z :'’,]{3,}[A-Z][ \t\-–—=*]*$", re.M)


def _log_then_recap(text: str, stamps: list[DateMention], offset: int) -> bool:
    """Whether a log's days run one way (back, newest first, in a live blog; forward in a
    page of posts), then forward again after a heading in capitals (its recap at the bottom:
    "- RECAP: WHAT HAPPENED BEFORE - ¶ Earlier this week: … ¶ Thursday night: … ¶ Friday: …",
    "WHAT WE COULD ESTABLISH, BY DATE ¶ - Mon 29 Jul: Caracas, …")."""
    days = [d.date for d in stamps]
    for k in range(1, len(stamps)):
        before, after = days[:k], days[k:]
        heading = _CAPITAL_LINE.search(text, stamps[k - 1].end - offset, stamps[k].start - offset)
        if heading is not None and _one_way(before) and _runs_forward(after):
            return True
    return False


# a group's heading in capitals on a line of its own ("A. LUBERO AXIS", "NORTH")
_GROUP_HEADING = re.compile(
    r"^[ \t]*(?:[A-Z0-9]{1,2}[.)][ \t]+)?[A-Z][A-Z '’&/-]{2,60}[ \t]*$", re.M
)


def _grouped(text: str, stamps: list[DateMention], offset: int) -> bool:
    """Whether a log's stamps run one way within each group that a heading in capitals opens,
    in two groups or more (a digest of notes grouped by place: "A. LUBERO AXIS" over notes of
    4, 6 and 7 January, "B. GOMA" over notes of 5 and 8 January)."""
    groups: list[list[dt.date]] = []
    for before, stamp in zip([None, *stamps], stamps, strict=False):
        gap = text[(before.end if before else 0) - offset : stamp.start - offset]
        if before is None or _GROUP_HEADING.search(gap):
            groups.append([])
        groups[-1].append(stamp.date)
    return len(groups) > 1 and all(_one_way(days) for days in groups)


def _one_way(days: list[dt.date]) -> bool:
    """Whether a log's days run one way: forward (a timeline) or back (a live blog)."""
    return _runs_forward(days) or _runs_back(days)


def _runs_forward(days: list[dt.date]) -> bool:
    return all(a <= b for a, b in zip(days, days[1:], strict=False))


def _runs_back(days: list[dt.date]) -> bool:
    return all(a >= b for a, b in zip(days, days[1:], strict=False))


_SECTION = re.compile(r"^[ \t]*(\d{1,2})\.[ \t]", re.M)


def _next_section(text: str, stamp: DateMention, offset: int) -> int:
    """Where the numbered section after a numbered day's starts ("4. Tuesday 22 October" …
    "5. Our response"), or past the text's end: the day's entry ends there."""
    line = text.rfind("\n", 0, stamp.start - offset) + 1
    if _SECTION.match(text, line) is None:
        return len(text) + offset
    nxt = _SECTION.search(text, stamp.end - offset)
    return len(text) + offset if nxt is None else nxt.start() + offset


# … or a numbered list's entry that names its day of the month and then its place ("3. Tuesday
# 5 October, Ljubljana. Thousands gathered …"; not "On 5 October, Ukrainian forces …", nor a
# summary's "- Friday night, Fuhais: a bomb …")
_ENTRY_PLACE = re.compile(r",[ \t]+[A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]*(?:[.:]|[-–—])")
_PREPOSITION = re.compile(r"(?i:on|in|at|by|from|since|until|during|early|late|last|this)\b")
# a diary's label of its day's count ("Day 9"), dated by `dates` from a label a day dates
DIARY_LABEL = r"(?:Day|DAY)[ \t]+\d{1,3}"
_DIARY_LABEL = re.compile(DIARY_LABEL)


def is_stamp(text: str, d: DateMention, offset: int) -> bool:
    """Whether a date opens its line with at most a time and a dash after it, or fills a field
    of an entry's heading (`_a_heading_s_field`)."""
    start, end = d.start - offset, d.end - offset
    line = text.rfind("\n", 0, start) + 1
    opened = text.find("(", line, start) >= 0  # a ticker's label: "FLASH (Monday 19:31) –"
    return (
        _DIARY_LABEL.fullmatch(d.text) is not None  # "Day 9." dated by its count (`dates`)
        or (
            _STAMP_START.fullmatch(text, line, start) is not None
            and (
                _STAMP_END.match(text, end) is not None
                or any(c.isdigit() for c in d.text)
                and not _PREPOSITION.match(d.text)
                and _ENTRY_PLACE.match(text, end) is not None
            )
            and (not opened or _TICKER_TIME.match(text, end) is not None)
        )
        or _a_heading_s_field(text, start, end)
        or _a_source_line(text, d, offset)
    )


# the line a monitoring digest puts over each item it translates or sums up: what it is, who
# said it and the day ("Text of report by Gabonese state radio on 11 June", "Excerpt from
# report by privately owned daily L'Union on 13 June", "Summary of report by community radio
# on 12 June, 07:00 news"): the item's "yesterday" and "this morning" are that day's
_SOURCE_BEFORE = re.compile(
    r"[ \t\-–—•*]*(?:(?:Text|Excerpts?|Summary|Translation|Transcript)[ \t]+(?:of|from)[ \t]+)?"
    r"[^\n.!?]{0,150}?\b(?:report|broadcast|bulletin|article|programme|program|editorial|"
    r"commentary|interview|radio|television|TV|website|newspaper|daily|weekly|agency|channel)"
    r"\b[^\n.!?]{0,150}?[ \t](?:on[ \t]+(?:the[ \t]+)?)?",
    re.I,
)
_SOURCE_AFTER = re.compile(
    r"(?:,?[ \t]*(?:at[ \t]+)?[0-2]?\d[:.h][0-5]\d(?:[ \t]*(?:GMT|UTC|local(?: time)?))?)?"
    r"(?:[ \t]*,?[ \t]*[A-Za-z][A-Za-z ’'\-]{0,40})?[ \t]*$",
    re.M,
)


def _a_source_line(text: str, d: DateMention, offset: int) -> bool:
    """Whether a day in figures closes the line that heads a monitoring digest's item, naming
    its source ("Text of report by Gabonese state radio on 11 June"); not a masthead's line nor
    a sentence."""
    start, end = d.start - offset, d.end - offset
    line = text.rfind("\n", 0, start) + 1
    return (
        any(c.isdigit() for c in d.text)
        and (d.text.lower().startswith("on ") or text[line:start].rstrip().lower().endswith(" on"))
        and text.count("\n", 0, line) >= _MASTHEAD_LINES
        and _SOURCE_BEFORE.fullmatch(text, line, start) is not None
        and _SOURCE_AFTER.match(text, end) is not None
    )


# the fields of an entry's heading, split by a spaced dash or slash, or a bar ("Tubas
# governorate – Tammun – 7 August", "SEC-1107-01 | Tue 7 Nov, approx. 13:30 | Chame")
_FIELDS = re.compile(r"[ \t]+[-–—/][ \t]+|[ \t]*\|[ \t]*")
# what may stand beside a day in its field: a weekday before it, a time after it ("13 Mar,
# 0600 UTC", "Tue 7 Nov, approx. 13:30", "16 May, evening")
_FIELD_BEFORE = re.compile(rf"(?:{WEEKDAY_SHORT},?)?[ \t]*")
_FIELD_AFTER = re.compile(
    r"(?:,?[ \t]*(?:at[ \t]+|approx\.?[ \t]*|about[ \t]+|c\.[ \t]*)?"
    r"(?:[0-2]?\d[:.h][0-5]\d|[0-2]\d[0-5]\d(?=[ \t]*(?:UTC|GMT|L\b|Z\b|hrs?\b|local)))"
    r"(?:[ \t]*(?:[ap]\.?m\.?|UTC|GMT|L\b|Z\b|hrs?\b|local(?: time)?))?)?[ \t]*",
    re.I,
)
# a masthead's lines ("REPORT | Outlet | Tuesday 20 August 2024") are no entry's heading
_MASTHEAD_LINES = 3


def _a_heading_s_field(text: str, start: int, end: int) -> bool:
    """Whether a day fills a field of a short line of fields that heads an entry below it
    (place, label and day in any order: "Tubas governorate – Tammun – 7 August", "WIOMIC
    025/24 – HIJACKING – 13 Mar, 0600 UTC", "TRIPOLI – 14 May"): the entry's stamp, as a day
    that opens its line is (not in a masthead's first lines, a table's row, nor a sentence's
    clause: "Clashes – the worst since 2022 – broke out on 14 May.")."""
    line = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    stop = len(text) if stop < 0 else stop
    if text.count("\n", 0, line) < _MASTHEAD_LINES or stop - line > 120:
        return False
    heading = text[line:stop]
    if heading.rstrip().endswith((".", ",", ";", ":")) or heading.lstrip().startswith("|"):
        return False  # a sentence, or a table's row (its own entry, one line long)
    if stop >= len(text):
        return False  # the text's last line heads no entry
    bounds = [0]
    for m in _FIELDS.finditer(heading):
        bounds += [m.start(), m.end()]
    bounds.append(len(heading))
    fields = list(zip(bounds[::2], bounds[1::2], strict=True))
    if len(fields) < 2:
        return False
    a, b = start - line, end - line
    return any(
        f0 <= a
        and b <= f1
        and _FIELD_BEFORE.fullmatch(heading, f0, a) is not None
        and _FIELD_AFTER.fullmatch(heading, b, f1) is not None
        for f0, f1 in fields
    )


# the time a ticker's label gives in its bracket ("URGENT (Tuesday 00:55)"; a heading's town and
# day, "KYAUKTAW (Monday 5 February)", is no ticker's stamp)
_TICKER_TIME = re.compile(r"[ \t]*,?[ \t]*[0-2]?\d[:.h][0-5]\d[ \t]*\)")
