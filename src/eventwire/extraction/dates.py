"""Find the date expressions of a text and resolve each to an event day and ACLED precision."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from eventwire.data import load_vocabulary
from eventwire.extraction.logs import DIARY_LABEL, WEEKDAY_SHORT, is_stamp, log_stamps

# Choices (ACLED practice where it has one; the tests pin each):
# - A weekday is the latest such day on or before publication ("on Monday" in a Monday paper is
#   that day); "last Monday" is strictly before it. "next ..." and "since ..." give no date.
# - "overnight" is the night that ended on the report's day: the report's day, precision 1.
#   "overnight into Tuesday" names the day it ended: Monday, the day it began. "the night of
#   12 to 13 March" names two: the first (the day the night began, as ACLED codes a night
#   between two dates), precision 1.
# - A range ("between 1 and 7 March", "28 February - 3 March") is coded to its middle day
#   (rounded down, so the first day of a two-day range), precision 2 up to 7 days, else 3.
#   "23 and 24 March" without "between" is two dates.
# - A week is coded to its Thursday, a month to its 15th (early 5th, late 25th), never after
#   publication. "Around <date>", "(week of)", "(or around)" make a day precision 2.
# - An explicit date without a year takes the latest year that puts it on or before
#   publication; an explicit date with a year after publication is a plan, not an event: skipped.


@dataclass(frozen=True)
class DateMention:
    """One date expression: its span, the day it resolves to, and ACLED's time precision."""

    start: int
    end: int
    text: str
    date: dt.date
    precision: int
    reason: str
    # it opens a line of a log (a live blog's entry "Tue 7 April, 09:40 —", a day heading
    # "Thursday 19 January"): the day of what the lines after it tell, until the next one
    stamp: bool = False
    # a stamp's entry ends here (the next stamp, or a numbered section that is no day's)
    scope_end: int = -1
    # the day of a statement, lent to an event it tells with no day of its own: a later
    # sentence that tells the event's own day wins over it
    of_statement: bool = False


_W: dict[str, Any] = load_vocabulary("date_words")


def _alt(words: list[str], *, upper: bool = False) -> str:
    forms = set(words)
    if upper:
        forms |= {w.upper() for w in words}
    return "|".join(re.escape(w) for w in sorted(forms, key=lambda w: (-len(w), w)))


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


_MONTH_NUM: dict[str, int] = {}
_FULL_MONTHS: list[str] = []
_ABBR_MONTHS: list[str] = []
for _num, _names in _W["months"].items():
    for _i, _name in enumerate(_names):
        _MONTH_NUM[_name.lower()] = int(_num)
        (_FULL_MONTHS if _i == 0 else _ABBR_MONTHS).append(_name)


def month_number(name: str) -> int | None:
    """The month a name or abbreviation names, in lower case ("september", "sept"): 9."""
    return _MONTH_NUM.get(name)


_WEEKDAY_NUM: dict[str, int] = {
    n.lower(): int(k) for k, names in _W["weekdays"].items() for n in names
}
_WEEKDAY_NAMES = {int(k): names[0] for k, names in _W["weekdays"].items()}
_ORDINAL_DAY = {w: n for n, w in enumerate(_W["ordinal_days"], 1)}
CALENDAR_WORDS = frozenset(_MONTH_NUM) | frozenset(_WEEKDAY_NUM)  # lower case, abbreviations too
_NAMED_DAY = frozenset(_W["named_day_modifiers"])
_CUSTOM = re.compile(
    rf"\s+(?:{'|'.join(_W['weekly_customs'])})\s+(?:{'|'.join(_W['custom_heads'])})\b"
)
_RELATIVE: dict[str, tuple[str, int]] = {
    _norm(k): (str(v[0]), int(v[1])) for k, v in _W["relative"].items()
}
_HOLIDAYS: dict[str, tuple[int, int]] = {
    _norm(k): (int(v[0]), int(v[1])) for k, v in _W["holidays"].items()
}
_QUALIFIERS: dict[str, int | None] = {_norm(k): v for k, v in _W["qualifiers"].items()}
_MONTH_PART: dict[str, tuple[int, int]] = {
    _norm(k): (int(v[0]), int(v[1])) for k, v in _W["month_part"].items()
}
_APPROX = frozenset(_norm(w) for w in _W["approximate"])
_SINCE = frozenset(_norm(w) for w in _W["aggregate_start"])
_FUTURE = frozenset(_norm(w) for w in _W["future"])
_STRICT = frozenset(_norm(w) for w in _W["strictly_before"])
_RANGE_START = frozenset(_norm(w) for w in _W["range_start"])
_NIGHT = frozenset(_norm(w) for w in _W["night"])
_PHRASES = tuple(p for p in (*_SINCE, *_NIGHT, *_MONTH_PART) if " " in p)

# a date is told on one line: a heading that ends in "IN" or "MARCH" takes no date from the
# line below it
_S = r"[^\S\n]"
_MONTH = (
    rf"(?:(?:{_alt(_FULL_MONTHS, upper=True)})\b|(?:{_alt(_ABBR_MONTHS, upper=True)})(?:\.|\b))"
)
_FULL_MONTH = rf"(?:{_alt(_FULL_MONTHS, upper=True)})\b"
_WEEKDAY = rf"(?:{_alt([n for ns in _W['weekdays'].values() for n in ns], upper=True)})\b"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?(?!\d|:\d)"
# a day told as an ordinal word ("second", "twenty first"); only after "the" (below)
_ORDINAL_WORDS = _alt(list(_ORDINAL_DAY)).replace(r"\-", "[- ]")
_ORDINAL = rf"(?i:{_ORDINAL_WORDS})(?![\w-])"
# "the second" (the "the" may be a weekday's: "Monday the second of November")
_THE_ORDINAL = rf"(?:(?i:the){_S}+)?(?<=[Tt]he ){_ORDINAL}"
_YEAR = r"(?:19|20)\d\d(?!\d)"
_SHORT_WEEKDAYS = {names[0][:3]: int(k) for k, names in _W["weekdays"].items()}
_SHORT_WEEKDAY = rf"(?:{'|'.join(_SHORT_WEEKDAYS)})\.?"
_THIS_MONTH = frozenset(_norm(w) for w in _W["this_month"])
_OF_A_MONTH = _alt([*_W["this_month"], *_W["last_month"]])
_SEP = rf"(?:{_S}*[-–—]{_S}*|{_S}+(?i:to|and|until|till|into){_S}+)"
_PRE_WORD = _alt([_norm(p) for p in _W["prefixes"]]).replace(r"\ ", _S + "+")
_PRE = rf"(?P<pre>(?:(?i:{_PRE_WORD}){_S}+|(?i:mid)-{_S}*)+)?"
_REL = _alt(list(_RELATIVE)).replace(r"\ ", _S + "+")
_HOLIDAY = "|".join(
    rf"{_S}+".join(re.escape(w).replace("'", "['’]") for w in k.split()) for k in _W["holidays"]
)

# a part of a day after a weekday ("Thursday evening")
_DAY_PART = r"(?i:morning|afternoon|evening|night)"
# a weekday's name before a day ("since Monday 26 September", "the night of Tuesday 27 to
# Wednesday 28 September", "on Friday the 3rd of March")
_WD = rf"(?:{_WEEKDAY},?{_S}+(?i:the{_S}+)?)?"
_CORES = [
    # ranges (not a label's number: "RELEASE 2 - Monday 8 November")
    rf"(?<![A-Z]{{2}}{_S}){_WD}(?P<r1_d1>{_DAY})(?P<r1_sep>{_SEP}){_WD}(?P<r1_d2>{_DAY}){_S}+(?:of{_S}+)?"
    rf"(?P<r1_m>{_MONTH})(?:,?{_S}+(?P<r1_y>{_YEAR}))?",
    rf"{_WD}(?P<r2_d1>{_DAY}){_S}+(?:of{_S}+)?(?P<r2_m1>{_MONTH})(?:,?{_S}+(?P<r2_y1>{_YEAR}))?"
    rf"(?P<r2_sep>{_SEP}){_WD}(?P<r2_d2>{_DAY}){_S}+(?:of{_S}+)?(?P<r2_m2>{_MONTH})"
    rf"(?:,?{_S}+(?P<r2_y>{_YEAR}))?",
    rf"{_WD}(?P<r3_m1>{_MONTH}){_S}+(?P<r3_d1>{_DAY})(?P<r3_sep>{_SEP}){_WD}"
    rf"(?:(?P<r3_m2>{_MONTH}){_S}+)?(?P<r3_d2>{_DAY})(?:,?{_S}+(?P<r3_y>{_YEAR}))?",
    rf"(?P<wr_1>{_WEEKDAY})(?P<wr_sep>{_SEP})(?P<wr_2>{_WEEKDAY})",
    # single days
    r"(?P<i_y>(?:19|20)\d\d)-(?P<i_m>0[1-9]|1[0-2])-(?P<i_d>0[1-9]|[12]\d|3[01])(?!\d)",
    rf"{_WD}(?P<a_d>{_DAY}|{_THE_ORDINAL}(?={_S}+of{_S})){_S}+(?:of{_S}+)?(?P<a_m>{_MONTH})"
    rf"(?:,?{_S}+(?P<a_y>{_YEAR}))?",
    rf"{_WD}(?P<b_m>{_MONTH}){_S}+(?P<b_d>{_DAY}|(?:(?i:the){_S}+)?{_ORDINAL})"
    rf"(?:,?{_S}+(?P<b_y>{_YEAR}))?",
    # "13th instant", "the 28th ultimo": a day of this month or of the month before
    rf"(?:(?i:the){_S}+)?(?P<x_d>{_DAY}){_S}+(?P<x_m>(?i:{_OF_A_MONTH}))(?![\w-])",
    # "the 8th", "Tuesday the 8th", "Thursday evening, the fifth," (the weekday names the day
    # the number gives; a word that ends its phrase, not "Thursday, the third attack this
    # month"); "the 8th of May" is left to the day-month form
    rf"(?:{_WEEKDAY}(?:{_S}+{_DAY_PART})?,?{_S}+)?(?i:the){_S}+"
    rf"(?P<n_d>(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)(?![\w-])|{_ORDINAL}(?={_S}*(?:[,.;:!?)–—]|$)))"
    rf"(?!{_S}+of{_S}+{_MONTH})",
    # a weekday and its day's number, no month: a heading's "SATURDAY 8", "on Friday 14,"
    rf"(?P<wn>{_WEEKDAY}),?{_S}+(?P<wn_d>{_DAY})(?={_S}*(?:[,;:!?)–—\n]|\.(?!\d)|$))",
    rf"(?P<w_d>{_WEEKDAY})(?:['’]s)?(?:{_S}+(?P<w_part>{_DAY_PART}))?",
    # a recap's line or a table's row that opens with a weekday's short name, with or without
    # the day's number ("- Thu: two arrested in Hasbaya", "- Sat 20: Su-ngai Kolok, bomb …")
    rf"(?:(?<=\n)|(?<=\n- )|(?<=\n• )|(?<=\n\* ))(?P<sw>{_SHORT_WEEKDAY})"
    rf"(?:{_S}+(?P<sw_d>{_DAY}))?(?={_S}*[:|,])",
    # months
    rf"(?P<c_m>{_FULL_MONTH})(?:,?{_S}+(?P<c_y>{_YEAR}))?",
    # a year alone after "in" or "during" ("In 1985, armed men attacked the town")
    rf"(?P<y_only>{_YEAR})(?![\w,.-]*\d)",
    # relative expressions
    rf"(?P<rel>(?i:{_REL}))\b",
    # holidays on a fixed day ("Christmas Day", "New Year's Eve")
    rf"(?P<hol>{_HOLIDAY})\b",
]
# The words a date expression can open with (a prefix, a month, a weekday, a relative
# expression's first word, "the"): a lookahead on them (or a digit) lets the regex engine skip
# every other word before it tries the expression's many forms (4x faster on news).
_FIRST_WORDS = sorted(
    {
        _norm(w).split()[0]
        for w in [
            *_W["prefixes"],
            *_MONTH_NUM,
            *_WEEKDAY_NUM,
            *(w.lower() for w in _SHORT_WEEKDAYS),
            *_RELATIVE,
            *_HOLIDAYS,
            "the",
            "mid",
        ]
    },
    key=lambda w: (-len(w), w),
)


def _by_first_letter(words: list[str]) -> str:
    """An alternation of the words, grouped under their first letters ("a(?:pril|ugust)|…"):
    the same words matched, but the regex engine tries a word start against a score of
    letters, not each of the words (a third of the date grammar's time on news)."""
    groups: dict[str, list[str]] = {}
    for w in words:
        groups.setdefault(w[0], []).append(w[1:])
    return "|".join(
        re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in rests) + ")"
        for first, rests in groups.items()
    )


_FIRST = rf"(?=\d|(?i:{_by_first_letter(_FIRST_WORDS)})(?![^\W_]))"
_MASTER = re.compile(rf"(?<![\w:/.-]){_FIRST}{_PRE}(?:{'|'.join(_CORES)})")

_QUAL_WORDS = _alt(list(_QUALIFIERS)).replace(r"\ ", r"\s+")
_SUFFIX = re.compile(
    rf"\s*,?\s*\(\s*(?:(?P<q>(?i:{_QUAL_WORDS}))|(?P<between>(?i:between|from)\s[^()\n]{{1,40}}))"
    rf"\s*\)|,?\s+(?P<q2>(?i:or\s+around|or\s+about))\b"
)
_NTH_NOUN = re.compile(
    r"\s+(?:of|floor|storey|story|day|anniversary|century|round|time|birthday|minute|hour|"
    r"year|week|month|brigade|army|division|battalion|regiment|corps|district|street|place)\b",
    re.I,
)
_PREV_WORD = re.compile(r"([A-Z][a-z]+)\s+$")
# a weekday told in the week before ("on Tuesday of last week", "on Monday last week"), or some
# weeks back ("a week ago, on Tuesday")
_OF_LAST_WEEK = re.compile(r",?\s+(?:of\s+)?last\s+week\b", re.I)
_WEEKS_AGO = re.compile(r"\b(?P<n>a|one|two|three|\d)\s+weeks?\s+ago,?\s*$", re.I)
# … or after it, told beside it ("shot dead on Saturday night, a week ago today")
_WEEKS_AGO_AFTER = re.compile(
    r"(?:\s+(?:night|morning|afternoon|evening))?,\s*(?P<n>a|one|two|three|\d)\s+weeks?\s+ago\b",
    re.I,
)
_GAP_TO_EXPLICIT = re.compile(r"[^\S\n]*,?[^\S\n]*\(?[^\S\n]*")  # on one line


@dataclass
class _Cand:
    start: int
    end: int
    date: dt.date
    precision: int
    reason: str
    kind: str  # "explicit" | "relative" | "weekday"


def _month_num(s: str) -> int:
    return _MONTH_NUM[s.rstrip(".").lower()]


def _day_num(s: str) -> int:
    """The day of the month of "9", "9th", "the ninth", "twenty first"."""
    word = "-".join(_norm(s).removeprefix("the ").split())
    return _ORDINAL_DAY.get(word) or int(s.rstrip("stndrh"))


def _mk(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: dt.date | None) -> tuple[dt.date | None, str]:
    """The day in the latest year that puts it on or before `published`."""
    if published is None:
        return None, ""
    for year in (published.year, published.year - 1, published.year - 4):
        d = _mk(year, month, day)
        if d is not None and d <= published:
            return d, f"year {year}: latest on or before {published}"
    return None, ""


def _explicit(
    month: int, day: int, year: str | None, published: dt.date | None
) -> tuple[dt.date | None, str]:
    if year:
        d = _mk(int(year), month, day)
        if d is None or (published is not None and d > published):
            return None, ""
        return d, "explicit date"
    return _infer_year(month, day, published)


def _monday(d: dt.date) -> dt.date:
    return d - dt.timedelta(days=d.weekday())


def _month_back(published: dt.date, back: int) -> tuple[int, int]:
    m = published.month - 1 - back
    return published.year + m // 12, m % 12 + 1


def _cap(d: dt.date, published: dt.date | None) -> dt.date:
    return d if published is None or d <= published else published


def _range(
    d1: dt.date, d2: dt.date, pre: str, published: dt.date | None, small_hours: bool = False
) -> tuple[dt.date, int, str] | None:
    if d2 < d1:  # "28 February - 3 March" with the year inferred from the end
        d1 = _mk(d1.year - 1, d1.month, d1.day) or d1
    if d2 < d1 or (d2 - d1).days > 62:
        return None
    if any(n in pre for n in _NIGHT):
        if small_hours and (d2 - d1).days == 1:
            return d2, 1, "the night's second day, told at an hour after midnight"
        return d1, 1, "the night's first day"
    span = (d2 - d1).days + 1
    mid = d1 + dt.timedelta(days=(span - 1) // 2)
    return _cap(mid, published), 2 if span <= 7 else 3, f"middle of a {span}-day range"


# an hour after midnight and before dawn ("at about 2 a.m.", "shortly after 01:00")
_SMALL_HOURS = re.compile(
    r"\b(?:(?:0?[0-5])(?:[.:]\d\d)?\s*a\.?m\.?|0[0-5][.:h]\d\d)(?![\w:.]\d)", re.I
)
_NEAR = 60  # characters around a night's dates where its hour is told


def _small_hours_near(text: str, start: int, end: int) -> bool:
    """Whether the line around a night's dates, within `_NEAR` characters of them, tells an
    hour after midnight ("On the night of Saturday 8 to Sunday 9 October, at about 2 a.m., …",
    "Shortly after 1 a.m. on the night of Sunday 6 to Monday 7 June"): the event fell on the
    night's second day."""
    # (its line, near the dates: a sentence's stops cannot tell it, "1 a.m. on the night")
    left = max(text.rfind("\n", 0, start) + 1, start - _NEAR)
    line_end = text.find("\n", end)
    right = min(line_end if line_end >= 0 else len(text), end + _NEAR)
    return bool(_SMALL_HOURS.search(text, left, right))


def _pre_words(pre: str) -> set[str]:
    words = set(_norm(pre).replace("mid-", "mid ").split())
    text = _norm(pre)
    words.update(p for p in _PHRASES if p in text)
    return words


def _resolve(
    m: re.Match[str], text: str, published: dt.date | None, weekdays_from: dt.date | None = None
) -> list[tuple[int, int, dt.date, int, str, str]]:
    """(start, end, date, precision, reason, kind) for one match; [] if it is not an event date.
    A bare weekday counts back from `weekdays_from` when given, else from `published`."""
    g = m.groupdict()
    pre = _norm(g["pre"] or "")
    words = _pre_words(pre)
    if words & _SINCE or words & _FUTURE:
        return []
    start, end = m.start(), m.end()
    approx = bool(words & _APPROX)

    def day(d: dt.date | None, why: str, kind: str = "explicit") -> list[Any]:
        if d is None:
            return []
        return [(start, end, d, 2 if approx else 1, why, kind)]

    # ranges
    for key in ("r1", "r2", "r3"):
        if g.get(f"{key}_d1") is None:
            continue
        if key == "r1":
            m1 = m2 = _month_num(g["r1_m"])
            y1 = y2 = g["r1_y"]
        elif key == "r2":
            m1, m2 = _month_num(g["r2_m1"]), _month_num(g["r2_m2"])
            y1, y2 = g["r2_y1"] or g["r2_y"], g["r2_y"]
        else:
            m1 = _month_num(g["r3_m1"])
            m2 = _month_num(g["r3_m2"]) if g["r3_m2"] else m1
            y1 = y2 = g["r3_y"]
        dd1, dd2 = _day_num(g[f"{key}_d1"]), _day_num(g[f"{key}_d2"])
        e2, why2 = _explicit(m2, dd2, y2, published)
        if e2 is None:
            return []
        e1 = _mk(int(y1) if y1 else e2.year, m1, dd1)
        if e1 is None:
            return []
        sep = _norm(g[f"{key}_sep"])
        is_range = bool(words & _RANGE_START) or any(n in pre for n in _NIGHT) or sep != "and"
        if not is_range:  # "on 23 and 24 March": two dates, each resolved on its own
            own = None if y1 else _explicit(m1, dd1, None, published)[0]
            if own is not None:
                e1 = own
            elif e1 > e2:
                e1 = _mk(e1.year - 1, m1, dd1) or e1
            split = m.start(f"{key}_sep")
            return [
                (start, split, e1, 1, why2, "explicit"),
                (m.end(f"{key}_sep"), end, e2, 1, why2, "explicit"),
            ]
        r = _range(e1, e2, pre, published, _small_hours_near(text, start, end))
        if r is None:
            return []
        d, prec, why = r
        return [(start, end, d, prec, f"{why} {e1} to {e2}", "explicit")]
    if g["wr_1"] is not None:
        if published is None:
            return []
        w1, w2 = _WEEKDAY_NUM[g["wr_1"].lower()], _WEEKDAY_NUM[g["wr_2"].lower()]
        e2 = published - dt.timedelta(days=(published.weekday() - w2) % 7)
        e1 = e2 - dt.timedelta(days=(w2 - w1) % 7 or 7)
        r = _range(e1, e2, pre, published)
        if r is None:
            return []
        return [(start, end, r[0], r[1], f"{r[2]} {e1} to {e2}", "weekday")]
    # single days
    if g["i_y"] is not None:
        found, why = _explicit(int(g["i_m"]), int(g["i_d"]), g["i_y"], published)
        return day(found, why)
    if g["a_d"] is not None or g["b_d"] is not None:
        k = "a" if g["a_d"] is not None else "b"
        month, dnum = _month_num(g[f"{k}_m"]), _day_num(g[f"{k}_d"])
        found, why = _explicit(month, dnum, g[f"{k}_y"], published)
        return day(found, why)
    if g["x_d"] is not None:
        if published is None:
            return []
        n, back = _day_num(g["x_d"]), int(_norm(g["x_m"]) not in _THIS_MONTH)
        return day(_mk(*_month_back(published, back), n), f"day {n} of {g['x_m']}'s month")
    if g["n_d"] is not None:
        named = [
            _WEEKDAY_NUM[w]
            for w in re.findall(r"[A-Za-z]+", text[start:end].lower())
            if w in _WEEKDAY_NUM
        ]
        # "on the 6th", or a weekday's: "Last Sunday, the 6th, there was a clash"; a day in
        # words only with its weekday ("on the second" is as often a second attempt)
        if published is None or not ("on" in words or named) or _NTH_NOUN.match(text, end):
            return []
        if not (named or g["n_d"][0].isdigit()):
            return []
        n = _day_num(g["n_d"])
        y, mo = published.year, published.month
        if n > published.day:
            y, mo = _month_back(published, 1)
        # "Tuesday the 8th": the latest 8th, up to six months back, that falls on a Tuesday
        for back in range(6) if named else ():
            found = _mk(*_month_back(dt.date(y, mo, 1), back), n)
            if found is not None and found.weekday() == named[0]:
                return day(
                    found,
                    f"day {n} of the latest month on or before {published} "
                    "where it falls on that weekday",
                )
        return day(_mk(y, mo, n), f"day {n} of the latest month on or before {published}")
    if g["w_d"] is not None:
        ref = weekdays_from or published
        if ref is None:
            return []
        prev = _PREV_WORD.search(text, max(0, start - 20), start)
        if not pre and prev and prev.group(1) in _NAMED_DAY:
            return []
        if not pre and _CUSTOM.match(text, end):
            return []  # "the Friday prayer leader's office": a weekly custom, no day
        wd = _WEEKDAY_NUM[g["w_d"].lower()]
        name = _WEEKDAY_NAMES[wd]
        if _OF_LAST_WEEK.match(text, end):  # "on Tuesday of last week": in the week before
            d = ref - dt.timedelta(days=ref.weekday() + 7 - wd)
            return day(d, f"the {name} of the week before {ref}'s", "weekday")
        ago = _WEEKS_AGO.search(text, max(0, start - 30), start) or _WEEKS_AGO_AFTER.match(
            text, end
        )
        if ago:
            # "It began a week ago, on Tuesday", "on Saturday night, a week ago today": the
            # weekday of the week that many weeks back
            weeks = _NUMBER_WORDS.get(ago.group("n").lower()) or int(ago.group("n"))
            target = ref - dt.timedelta(days=7 * weeks)
            d = target - dt.timedelta(days=(target.weekday() - wd) % 7)
            return day(d, f"the {name} {ago.group(0).strip(' ,')} from {ref}", "weekday")
        back = (ref.weekday() - wd) % 7
        if back == 0 and words & _STRICT:
            back = 7
        d = ref - dt.timedelta(days=back)
        why = f"the report's day {ref} (a {name})" if back == 0 else f"the {name} before {ref}"
        return day(d, why, "weekday")
    numbered = g["sw_d"] or g["wn_d"]
    if numbered is not None:
        ref = weekdays_from or published
        if ref is None:
            return []
        wd = _SHORT_WEEKDAYS[g["sw"][:3]] if g["sw"] else _WEEKDAY_NUM[g["wn"].lower()]
        # "Sat 20", "SATURDAY 8": the latest 20th, up to six months back, on a Saturday
        n = _day_num(numbered)
        for back in range(6):
            found = _mk(*_month_back(ref, back), n)
            if found is not None and found <= ref and found.weekday() == wd:
                name = _WEEKDAY_NAMES[wd]
                return day(found, f"day {n} of the latest month before {ref} on a {name}")
        return []
    if g["sw"] is not None:
        ref = weekdays_from or published
        if ref is None:
            return []
        wd = _SHORT_WEEKDAYS[g["sw"][:3]]
        name = _WEEKDAY_NAMES[wd]
        d = ref - dt.timedelta(days=(ref.weekday() - wd) % 7)
        return day(d, f"the {name} on or before {ref}", "weekday")
    if g["hol"] is not None:
        month, dnum = _HOLIDAYS[_norm(g["hol"])]
        found, why = _explicit(month, dnum, None, published)
        return day(found, f"{g['hol']}: {why}")
    if g["y_only"] is not None:
        # a year before the report's: what it dates is history ("In 1985, armed men attacked
        # Lahad Datu" in a story of 2013), coded to the year's middle, as "last year" is
        year = int(g["y_only"])
        if published is None or not words & {"in", "during"} or year >= published.year:
            return []
        return [(start, end, dt.date(year, 7, 1), 3, f"middle of {year}", "explicit")]
    if g["c_m"] is not None:
        month = _month_num(g["c_m"])
        part, prec = next(((v, p) for k, (v, p) in _MONTH_PART.items() if k in words), (0, 3))
        if g["c_y"]:
            year = int(g["c_y"])
        elif published is None or not (words & {"in", "during", "of", "last", "this"} or part):
            return []
        elif "last" in words and "last week" not in words:  # not "the last week of"
            year = published.year if month < published.month else published.year - 1
        else:
            year = published.year if month <= published.month else published.year - 1
        first = dt.date(year, month, 1)
        if published is not None and first > published:
            return []
        d = _cap(first.replace(day=part or 15), published)
        where = f"day {part}" if part else "middle"
        return [(start, end, d, prec, f"{where} of {first:%B %Y}", "explicit")]
    if g["rel"] is not None and published is not None:
        unit, shift = _RELATIVE[_norm(g["rel"])]
        if unit == "day":
            d = published - dt.timedelta(days=shift)
            if _norm(g["rel"]) in ("overnight", "during the night"):
                why = f"{_NIGHT_BEFORE_REPORT} {published}"
            elif shift == 0:
                why = f"the report's day {published}"
            else:
                why = f"{shift} day{'s' * (shift > 1)} before the report's day {published}"
            return day(d, why, "relative")
        if unit == "week":
            mon = _monday(published) - dt.timedelta(weeks=shift)
            d = _cap(mon + dt.timedelta(days=3), published)
            return [(start, end, d, 2, f"middle of the week of {mon}", "relative")]
        if unit == "weekend":
            d = published - dt.timedelta(days=(published.weekday() - 5) % 7)
            return [(start, end, d, 2, f"the weekend of {d}", "relative")]
        if unit == "month":
            y, mo = _month_back(published, shift)
            d = _cap(dt.date(y, mo, 15), published)
            return [(start, end, d, 3, f"middle of {dt.date(y, mo, 1):%B %Y}", "relative")]
        if unit == "year":
            d = dt.date(published.year - shift, 7, 1)
            return [(start, end, d, 3, f"middle of {d.year}", "relative")]
        if unit == "recent":
            return [(start, end, published, 2, f"the days up to {published}", "relative")]
    return []


# "three days ago", "a week ago", "two years ago": counted back from the report's day
_AGO_COUNTS: dict[str, int] = {
    "a": 1,
    "an": 1,
    **{str(k): int(v) for k, v in load_vocabulary("toll_words")["numbers"].items()},
}
_AGO = re.compile(
    rf"(?<![\w-])(?P<n>\d{{1,2}}|(?i:{'|'.join(_AGO_COUNTS)})){_S}+"
    rf"(?P<unit>(?i:day|week|month|year))s?{_S}+(?i:ago)\b"
)


_AGO_TODAY = re.compile(rf"{_S}+(?P<day>(?i:today|yesterday))\b")


def _ago(text: str, published: dt.date | None) -> list[_Cand]:
    """The days "N days / weeks / months / years ago" name: a day's precision for days, a
    week's for weeks, a month's for months and years (a year ago is history)."""
    if published is None or "ago" not in text:
        return []
    out = []
    for m in _AGO.finditer(text):
        n = int(m["n"]) if m["n"].isdigit() else _AGO_COUNTS[m["n"].lower()]
        unit = m["unit"].lower()
        that_day = _AGO_TODAY.match(text, m.end()) if unit == "week" else None
        if that_day is not None:
            # "a week ago today": the report's weekday that many weeks back, a day ("a week
            # ago yesterday", the day before it)
            back = 7 * n + (that_day["day"].lower() == "yesterday")
            d, why = published - dt.timedelta(days=back), f"{back} days before the report's day"
            out.append(_Cand(m.start(), that_day.end(), d, 1, f"{why} {published}", "relative"))
            continue
        if unit == "day":
            d, precision = published - dt.timedelta(days=n), 1
        elif unit == "week":
            d, precision = published - dt.timedelta(weeks=n), 2
        elif unit == "month":
            y, mo = _month_back(published, n)
            d, precision = dt.date(y, mo, min(published.day, 28)), 3
        else:
            d, precision = dt.date(published.year - n, published.month, min(published.day, 28)), 3
        why = f"{n} {unit}{'s' * (n > 1)} before the report's day {published}"
        out.append(_Cand(m.start(), m.end(), d, precision, why, "relative"))
    return out


def _qualify(text: str, c: _Cand) -> None:
    s = _SUFFIX.match(text, c.end)
    if s is None:
        return
    c.end = s.end()
    if s.group("between") is not None:
        prec: int | None = 2
    else:
        prec = _QUALIFIERS.get(_norm(s.group("q") or s.group("q2") or ""))
    if prec is not None and prec > c.precision:
        c.precision = prec
        c.reason += f", {_norm(s.group(0).strip(' ,()'))!r} → precision {prec}"


def find_dates(text: str, published: dt.date | None, offset: int = 0) -> list[DateMention]:
    """Every date expression in `text` that can be an event's date, sorted by start.

    A dateline's date ("DUBAI, Feb 6 (Reuters) -") is the report's, not an event's: the
    lead's "on Monday" dates the event, and the dateline only when nothing else does
    (`dateline_date`). A title or header line above it that repeats the report's date ("ISAF
    Joint Command Morning Operational Update March 17, 2011") is the report's too."""
    heads = [(start + offset, end + offset) for start, end in _datelines(text)]
    covered = _covered_end(text, published)
    found = _without_its_week(_date_expressions(text, published, offset, covered))
    if heads:
        stamps = {d.start for d in found if is_stamp(text, d, offset)}
        if len(stamps) > 1:
            # a live blog's first day heading ("Monday 24 May 2021" alone on its line, with
            # "Tuesday 25 May 2021" below) is a log's stamp, not the report's date
            heads = [(s, e) for s, e in heads if s not in stamps]
    if heads:
        report = [d for d in found if any(s <= d.start < e for s, e in heads)]
        own = {d.date for d in report}
        first = min(s for s, _ in heads)
        found = [d for d in found if d not in report and not (d.start < first and d.date in own)]
    found = _with_diary_days(text, found, offset)
    logged = _in_log(text, found, published, offset, covered or published)
    found = _of_the_year_told(text, _of_days_told(text, logged, offset, published), offset)
    return _with_anaphoric(text, _the_night_before(found), published, offset)


def _the_night_before(found: list[DateMention]) -> list[DateMention]:
    """`found` with a night told by the day it ended on ("overnight into Wednesday", "overnight
    to Friday 30 October") dated the day it began, as "the night of Tuesday to Wednesday" is."""
    return [
        replace(
            d,
            date=d.date - dt.timedelta(days=1),
            reason=f"{d.reason}; the night into it began the day before",
        )
        if d.precision == 1 and _INTO_THE_NIGHT.match(d.text)
        else d
        for d in found
    ]


_INTO_THE_NIGHT = re.compile(r"(?i:overnight)\s+(?i:into|to)\s")


# a month or a year pointed back to ("That April, soldiers had stormed the mosque", "in April
# of that year", "the same year"): of the year of the date told before it
_THAT_YEAR = re.compile(
    rf"(?<![\w-])(?:(?i:that(?:{_S}+same)?|the{_S}+same){_S}+(?:(?P<m1>{_FULL_MONTH})|(?i:year)\b)"
    rf"|(?:(?i:in){_S}+)?(?P<m2>{_FULL_MONTH}){_S}+(?i:of{_S}+that{_S}+year)\b)"
)


def _of_the_year_told(text: str, found: list[DateMention], offset: int) -> list[DateMention]:
    """`found` with the months and years pointed back to dated in the year told before them,
    not the report's: "Twenty years ago today, on 25 October 2004, … That April, soldiers had
    stormed the Krue Se mosque" is April 2004, history."""
    for m in _THAT_YEAR.finditer(text):
        start, end = m.start() + offset, m.end() + offset
        anchor = _day_told_before([d for d in found if d.end <= start], start)
        if anchor is None:
            continue
        month = m["m1"] or m["m2"]
        day = dt.date(anchor.date.year, _month_num(month), 15) if month else anchor.date
        if month is None and anchor.precision < _MONTH_PRECISION:
            day = dt.date(anchor.date.year, 7, 1)  # the year of a day told: the year's middle
        said = m.group(0)
        why = f"{said!r} → {day}: the year of {anchor.text!r}"
        mention = DateMention(start, end, said, day, _MONTH_PRECISION, why)
        found = sorted(
            [d for d in found if not (d.start < end and start < d.end)] + [mention],
            key=lambda d: d.start,
        )
    return found


def _without_its_week(found: list[DateMention]) -> list[DateMention]:
    """Without the "of last week" of "Wednesday of last week" as a date of its own (the week's
    middle): the weekday before it was read in that week (`_OF_LAST_WEEK`), and the week alone
    would date the clause, or the next weekday, by a span instead of the day."""
    out: list[DateMention] = []
    for d in found:
        before = out[-1] if out else None
        if (
            before is not None
            and before.precision == 1
            and d.precision == 2
            and 0 <= d.start - before.end <= 2
            and _OF_LAST_WEEK.fullmatch(" " + d.text) is not None
        ):
            continue
        out.append(d)
    return out


# A weekly round-up's header names the days it covers ("| Covering Monday 14 to Sunday 20
# October 2024", "Covering 24 November - 9 December 2021"): the end of that span, in its first
# lines
_COVERING = re.compile(r"\bCovering\b[^\n|]*?(?:\bto\b|\buntil\b|[-–—])\s*([^\n|(]+)", re.I)
_HEADER_CHARS = 1000
_COVERED_DAYS = 14  # a span that ends at most this long before the report


def _covered_end(text: str, published: dt.date | None) -> dt.date | None:
    """The last day a round-up says it covers, when it ends just before the report: its bare
    weekdays fall in that span ("Monday" in a column covering Monday 14 to Sunday 20 October,
    published on Tuesday 22, is the 14th, not the 21st)."""
    m = _COVERING.search(text, 0, _HEADER_CHARS)
    if m is None or published is None:
        return None
    ends = [d for d in _date_expressions(m.group(1), published) if d.precision == 1]
    if not ends:
        return None
    end = ends[-1].date
    return end if dt.timedelta(0) <= published - end <= dt.timedelta(days=_COVERED_DAYS) else None


# A diary's entries labelled by the day of the siege, the strike or the trip ("Day 12.", "DAY
# 9 –"), at the start of their lines; and a sentence that dates one ("Day 1 was Tuesday 8
# February")
_DIARY_DAY = re.compile(rf"^[ \t*#>]*(?P<label>{DIARY_LABEL})\b", re.M)
_DIARY_ANCHOR = re.compile(r"\b[Dd]ay[ \t]+(?P<n>\d{1,3})[ \t]+(?:was|fell[ \t]+on|is)[ \t]+")
_DIARY_REACH = 40  # how far after its label a day on the label's line dates it


def _with_diary_days(text: str, found: list[DateMention], offset: int) -> list[DateMention]:
    """`found` with a diary's day labels dated from one a day in figures dates ("Day 8 (Monday
    13 November). …" or "Day 1 was Tuesday 8 February" make "Day 9." the 14th or the 9th of
    February); a weekday alone on a label's line ("Day 3 (Thursday).") is the count's day, not
    the latest before the report. None where no label is dated so."""

    def near(at: int, d: DateMention) -> bool:  # on the label's line, a few words after it
        return (
            at <= d.start - offset < at + _DIARY_REACH and text.find("\n", at, d.start - offset) < 0
        )

    def dated(at: int) -> DateMention | None:
        return next(
            (d for d in found if near(at, d) and d.precision == 1 and _A_MONTH.search(d.text)),
            None,
        )

    labels = [(m, int(m["label"].split()[-1]), dated(m.end())) for m in _DIARY_DAY.finditer(text)]
    if len(labels) < 2:
        return found
    anchors = [(n, d) for _, n, d in labels if d is not None]
    anchors += [
        (int(m["n"]), d) for m in _DIARY_ANCHOR.finditer(text) if (d := dated(m.end())) is not None
    ]
    if not anchors:
        return found
    made, restated = [], set()
    for m, n, own in labels:
        if own is not None:
            continue
        k, anchor = min(anchors, key=lambda a: abs(a[0] - n))
        day = anchor.date + dt.timedelta(days=n - k)
        why = (
            f"{m['label']!r} → {day}: {n - k:+d} day(s) from {anchor.text!r}, day {k} of the diary"
        )
        made.append(
            DateMention(m.start("label") + offset, m.end() + offset, m["label"], day, 1, why)
        )
        restated |= {id(d) for d in found if near(m.end(), d)}
    return sorted([*(d for d in found if id(d) not in restated), *made], key=lambda d: d.start)


# A report that names the period it covers, in its first lines ("During the reporting period,
# from 1 June to 30 September 2024", "Chronology of political violence, March 2024", "Year in
# review: 2023", "Quarterly bulletin, Q3 2024"): the period's first day, a day, a month, a
# quarter or a year, within a few words after the words that name it; or the month or year its
# title line says it is about ("Lithuania in 2021: …", "Attacks on party offices in May 2024");
# or a span of a month or more it names there ("… recorded between 1 January and 30 April
# 2024"); or, for a log, its first entry's day
_QUARTERS = {"q1": 1, "q2": 4, "q3": 7, "q4": 10, "first": 1, "second": 4, "third": 7, "fourth": 10}
_PERIOD_WORD = re.compile(rf"(?i:\b(?:{_alt(_W['period_words'])})\b)")
_PERIOD_DAY = re.compile(
    rf"(?P<q>(?i:Q[1-4]|(?:first|second|third|fourth){_S}+quarter)){_S}+(?i:of{_S}+)?"
    rf"(?P<qy>{_YEAR})"
    rf"|(?:(?P<d>{_DAY}){_S}+(?:of{_S}+)?)?(?P<m>{_FULL_MONTH})(?:,?{_S}+(?P<y>{_YEAR}))?"
    rf"|(?<![\d,.])(?P<yo>{_YEAR})(?![\d,])"
)
_TITLE_PERIOD = re.compile(
    rf"(?:\b(?i:in|during|for|of)[^\S\n]+|[,:–—][^\S\n]+|['’]s[^\S\n]+)"
    rf"(?:(?i:the)[^\S\n]+)?(?:{_PERIOD_DAY.pattern})"
)
_SPAN = re.compile(
    rf"(?i:between|from){_S}+(?P<d1>{_DAY}){_S}+(?P<m1>{_FULL_MONTH})(?:,?{_S}+(?P<y1>{_YEAR}))?"
    rf"{_S}+(?i:and|to|until){_S}+(?P<d2>{_DAY}){_S}+(?P<m2>{_FULL_MONTH}),?{_S}+(?P<y2>{_YEAR})"
)
_PERIOD_REACH = 60  # how far after the words that name the period its first day may stand
_PERIOD_CHARS = 1000
_PERIOD_DAYS = 400  # a year in review, published early in the next year
_SPAN_DAYS = 28  # a span this long in a report's first lines is its period, no event's days
_LOG_ENTRIES = 3  # a log of this many dated entries or more reports their days


def period_start(
    text: str, published: dt.date | None, found: list[DateMention] | None = None
) -> dt.date | None:
    """The first day of the period a report says it covers in its first lines (`found`: its
    dates, whose log stamps count), when that is before the report and no more than a year
    and a bit before it; None for a report that names none (its news is then of the weeks
    before it: `mentions.BACKGROUND_DAYS`)."""
    if published is None:
        return None
    starts = []
    named = _PERIOD_WORD.search(text, 0, _PERIOD_CHARS)
    if named is not None:
        line_end = text.find("\n", named.end())
        reach = min(named.end() + _PERIOD_REACH, len(text) if line_end < 0 else line_end)
        after = _PERIOD_DAY.search(text, named.end(), reach)
        if after is not None:
            starts.append(_first_day(after, text, published))
    title = _TITLE_PERIOD.search(text, 0, max(text.find("\n"), 0))
    if title is not None:
        starts.append(_first_day(title, text, published))
    stamps = [d.date for d in found or () if d.stamp]
    if len(stamps) >= _LOG_ENTRIES:
        starts.append(min(stamps))
    for m in _SPAN.finditer(text, 0, _PERIOD_CHARS):
        y2 = int(m["y2"])
        first = _mk(int(m["y1"] or y2), _month_num(m["m1"]), _day_num(m["d1"]))
        last = _mk(y2, _month_num(m["m2"]), _day_num(m["d2"]))
        if first is not None and last is not None and (last - first).days >= _SPAN_DAYS:
            starts.append(first)
    window = [
        d
        for d in starts
        if d is not None and dt.timedelta(0) < published - d <= dt.timedelta(_PERIOD_DAYS)
    ]
    return min(window, default=None)


def _first_day(m: re.Match[str], text: str, published: dt.date) -> dt.date | None:
    """The first day of the period one match of `_PERIOD_DAY` names."""
    if m["q"]:
        return _mk(int(m["qy"]), _QUARTERS[m["q"].split()[0].lower()], 1)
    if m["yo"]:
        return dt.date(int(m["yo"]), 1, 1)
    # "from 1 June to 30 September 2024": the year the span ends in, else the latest
    year = m["y"] or (_YEARS_AFTER.search(text, m.end(), m.end() + 40) or [None])[0]
    month, day = _month_num(m["m"]), _day_num(m["d"]) if m["d"] else 1
    return _mk(int(year), month, day) if year else _infer_year(month, day, published)[0]


_YEARS_AFTER = re.compile(rf"(?<!\d){_YEAR}")


def _in_log(
    text: str,
    found: list[DateMention],
    published: dt.date | None,
    offset: int,
    covered: dt.date | None,
) -> list[DateMention]:
    """A log's days: each stamp's entry (`log_stamps`) tells its relative days from the stamp's
    day, not the report's: "Yesterday's rally" under "Tue 7 April" is 6 April. `covered`: the
    day bare weekdays count back from (the report's, or the last a round-up covers)."""
    stamps = log_stamps(text, found, published, offset)
    if not stamps:
        return found
    out = [d for d in found if d.start < stamps[0].start]
    for stamp, after in zip(stamps, [*stamps[1:], None], strict=True):
        end = len(text) + offset if after is None else after.start
        out.append(stamp)
        entry = text[stamp.end - offset : stamp.scope_end - offset]
        # a heading that names a weekday alone ("SUNDAY NIGHT: LADYVILLE") was counted from the
        # report's day: so are the weekdays its entry names ("On Monday morning, a woman found a
        # grenade" is the Monday before the report, not before that Sunday)
        weekdays_from = covered if _BARE_WEEKDAY.search(stamp.text) else None
        told = _date_expressions(entry, stamp.date, stamp.end, weekdays_from)
        if published is not None and published > stamp.date:
            told = _near_the_stamp(told, _date_expressions(entry, published, stamp.end), stamp)
        out += [
            replace(
                d, reason=d.reason.replace("the report's day", f"its entry's day {stamp.text!r}")
            )
            for d in told
        ]
        out += [d for d in found if stamp.scope_end <= d.start < end]  # "5. Our response": no day's
    return out


def _near_the_stamp(
    told: list[DateMention], by_report: list[DateMention], stamp: DateMention
) -> list[DateMention]:
    """A month its entry names with no year, read in the year that puts it nearest the stamp's
    day (up to the report's), not the latest before the stamp: in a chronology, "4 March – … ¶
    In the week of 18 March, police arrested …" is 18 March of that year, not a year before;
    in a log of 2020 read in 2025, "on 5 April" under "Tue 7 April 2020" is still 2020.
    `told`: the entry's days read from the stamp's day; `by_report`: the same read from the
    report's. A day the stamp's reading dropped as after it ("Between 4 and 6 March" under "2
    March") is the report's reading."""
    own = {(d.start, d.end): d for d in told}
    out = []
    for other in by_report:
        mine = own.pop((other.start, other.end), None)
        if mine is None or (
            _A_MONTH.search(other.text)
            # (a part of a month read from the stamp's day stops at it: "Mid-March" under "7
            # March" is not 7 March)
            and (
                _off(other, stamp) < _off(mine, stamp)
                or mine.precision > 1
                and mine.date == stamp.date
            )
        ):
            mine = other
        out.append(mine)
    return sorted([*out, *own.values()], key=lambda d: d.start)


_A_MONTH = re.compile(_MONTH)


def _off(d: DateMention, stamp: DateMention) -> int:
    return abs((d.date - stamp.date).days)


_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_UNIT_DAYS = {"day": 1, "month": 30, "year": 365}
# "the day before"/"the day after" only opening a sentence ("The day after, …"), not "the
# day before the vote" or "killed by a poacher the day before" (a background clause)
_PART_OF_DAY = r"(?:day|morning|afternoon|evening|night)"
_ANAPHORIC = re.compile(
    # the day after or before the date before: "The following morning, …", "the night before,"
    # (a part of the day only opening its sentence: "after an attack on a checkpoint the
    # previous night" dates the attack, not the sentence's event). The first letters every
    # form opens with, looked ahead for first, spare the rest of the pattern most positions.
    r"(?=[abefhilmost\d])(?<!for )\b(?:(?P<after>the (?:following|next) day\b"
    r"|(?<![^.!?\n] )The (?:following|next) "
    + _PART_OF_DAY
    + r"\b|(?<![^.!?\n] )The day after(?=,))"
    r"|(?P<before>the (?:previous|preceding) day\b"
    r"|(?<![^.!?\n] )The (?:previous|preceding) " + _PART_OF_DAY + r"\b"
    r"|(?<![^.!?\n] )The day before(?=,)|the night before(?=[,.;])|the eve(?=[,.;]))"
    r"|(?P<n>a|one|two|three|four|five|six|\d) (?P<unit>day|month|year)s? "
    r"(?P<dir>later|earlier|after|before)\b"
    # the day of the date before: "On the same day", "Hours earlier", "Later that day", "That
    # night", "killed in the township that day", "Hours after the killing, …", "By nightfall,
    # …", "Later in the evening, …", and a part of the day that opens a sentence ("In the
    # afternoon, several hundred supporters gathered …": the day the story was telling)
    r"|(?P<same>(?:on )?the same (?:day|morning|afternoon|evening)\b|(?:later|earlier) (?:that|the same) day"
    r"|(?:later |earlier )?that (?:same )?" + _PART_OF_DAY + r"\b"
    r"|(?:later|earlier) in the " + _PART_OF_DAY + r"\b"
    r"|(?:by|at|after) (?:nightfall|dusk|dark|sunset|sundown)\b"
    r"|(?<![^.!?\n] )(?:In|By) the (?:early |late )?(?:morning|afternoon|evening)(?=,)"
    r"|(?<![^.!?\n] )By (?:morning|midday|noon|the afternoon|evening)(?=,)"
    r"|(?:hours|minutes) (?:later|earlier|after)\b))",
    re.I,
)


def _char_before(text: str, at: int) -> str:
    """The last character before `at` that is no space or tab ("" at the text's start); read
    backwards, not from a copy of everything before `at` (it is asked for every date told)."""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    return text[i] if i >= 0 else ""


def _opens_paragraph(text: str, at: int) -> bool:
    """Whether `at` opens a line ("The same afternoon, …" at a paragraph's start)."""
    return _char_before(text, at) in ("", "\n")


def _opens(text: str, at: int) -> bool:
    """Whether `at` opens a sentence or a line ("Two days after the raid, police …")."""
    return _char_before(text, at) in ("", ".", "!", "?", "\n")


def _with_anaphoric(
    text: str, found: list[DateMention], published: dt.date | None, offset: int
) -> list[DateMention]:
    """`found` plus the days told from the date before them ("On Saturday, … The following
    day, …", "two days later", "hours earlier", "on the same day"): the nearest earlier date
    expression, shifted (or not)."""
    extra: list[DateMention] = []
    for m in _ANAPHORIC.finditer(text):
        start = m.start() + offset
        if any(d.start <= start < d.end for d in found):
            continue
        apposed = _APPOSED.match(text, m.end())
        if apposed is not None and any(
            d.start - offset == apposed.end() and _names_a_month(d.text) for d in found
        ):
            # "The following day, Sunday 12 November, …": the date it names (a bare weekday,
            # "Two days later, on Monday", is read from the day before: `_weekday_of`)
            continue
        told = sorted(found + extra, key=lambda d: d.start)  # "… later" chains on
        if _counts_days(m):
            # a day told from the day before is told from a day, not from a year or a month
            # told as background between them ("… on Tuesday last week. Police launched an
            # operation against the gangs in 2020. ¶ The next day, Wednesday, police raided …")
            told = [d for d in told if d.precision < _MONTH_PRECISION]
        # not a day by which a state was reached ("By Sunday, the toll had risen to 14. The
        # rebels struck back the same day": the day of the shelling told before it)
        anchor = _day_told_before(told, start)
        if anchor is not None and m.group("same") and _opens_paragraph(text, m.start()):
            # a paragraph that opens on the day told ("The same afternoon, police detained
            # 21 people") goes on from the day the story was telling, which opened a sentence
            # ("On Monday 28 September, thousands marched …"), not from a day in a later
            # clause ("a fourth died of his wounds in hospital on Wednesday")
            opening = [d for d in told if d.start < start and _opens(text, d.start - offset)]
            anchor = _day_told_before(opening, start) or anchor
        if anchor is None:
            continue
        if m.group("same"):
            shift = 0
        elif m.group("n"):
            n = _NUMBER_WORDS.get(m.group("n").lower()) or int(m.group("n"))
            way = m.group("dir").lower()
            if way in ("after", "before") and not _opens(text, m.start()):
                # "… pounded the village on Sunday, a day after two soldiers were killed": the
                # clause it heads tells what came before the day its sentence told (after it,
                # for "before"); with no day told before it in its sentence, it tells none
                between = text[anchor.end - offset : m.start()]
                if _SENTENCE_END.search(between) and not (
                    _times_the_event_before(text, m.start())
                    and not _dated_after(found, text, m.end(), offset)
                ):
                    continue
                way = "earlier" if way == "after" else "later"
            # ("at the spot where, one year earlier, three of their colleagues were ambushed":
            # a year before the day told, history)
            n *= _UNIT_DAYS[m.group("unit").lower()]
            shift = n if way in ("later", "after") else -n
        else:
            shift = 1 if m.group("after") else -1
        day = anchor.date + dt.timedelta(days=shift)
        if published is not None and day > published:
            continue  # an event is never after its report
        span, end = m.group(0), m.end() + offset
        weekday = _apposed_weekday(found, apposed, day, offset)
        if weekday is not None:
            # "The next day, Monday, several hundred members … held a sit-in": the weekday
            # names the day told, not the Monday before the report
            found = [d for d in found if d is not weekday]
            span, end = text[m.start() : weekday.end - offset], weekday.end
        extra.append(
            DateMention(
                start=start,
                end=end,
                text=span,
                date=day,
                precision=anchor.precision,
                reason=f"{span!r} → {day}: "
                + (f"{shift:+d} day(s) from" if shift else "the day of")
                + f" {anchor.text!r}",
            )
        )
    return sorted(found + extra, key=lambda d: d.start)


_MONTH_PRECISION = 3  # ACLED's time_precision of a date known to its month (or year)


def _counts_days(m: re.Match[str]) -> bool:
    """Whether a day told from the one before counts days ("the next day", "the same
    night", "two days later"), not months or years ("a year later")."""
    return m.group("n") is None or m.group("unit").lower() == "day"


# a sentence that times an event by another ("The ambush came four days after a firefight",
# "It happened two days after …")
_CAME = re.compile(
    r"(?:^|[.!?\n]\s*)(?:(?P<pronoun>It|This|That)|The (?:\w+ )?(?P<noun>\w+))\s"
    r"(?:came|comes|happened|occurred|took place|followed|follows)\s+(?:just\s+|only\s+)?$"
)


# what stands between a day told from the one before and a date in apposition to it ("The
# following day, Sunday 12 November", "Two days later (on 5 March)")
_APPOSED = re.compile(r"\s*[,(–—-]\s*(?:on\s+|that is,?\s+)?")


def _apposed_weekday(
    found: list[DateMention], apposed: re.Match[str] | None, day: dt.date, offset: int
) -> DateMention | None:
    """A bare weekday set beside a day told from the one before ("The next day, Monday, …",
    "Two days later (Thursday)") that is that day's weekday: a second name for it."""
    if apposed is None:
        return None
    return next(
        (
            d
            for d in found
            if d.start - offset == apposed.end()
            and _BARE_WEEKDAY.search(d.text)
            and d.date.weekday() == day.weekday()
        ),
        None,
    )


def _names_a_month(text: str) -> bool:
    return any(w in _MONTH_NUM for w in re.findall(r"[a-z]+", text.lower()))


def _times_the_event_before(text: str, at: int) -> bool:
    """Whether the sentence up to `at` times the event told before it by another: its subject is
    a pronoun or a noun the story used before ("… ambushed a patrol … The ambush came four days
    after …"; not "The talks came a day after the ambush", talks told for the first time)."""
    came = _CAME.search(text, max(0, at - 80), at)
    if came is None:
        return False
    if came.group("pronoun"):
        return True
    stem = came.group("noun").lower()[:5]
    return len(stem) >= 4 and stem in text[: came.start("noun")].lower()


_SENTENCE_END = re.compile(r"[.!?\n]")


def _dated_after(found: list[DateMention], text: str, at: int, offset: int) -> bool:
    """Whether the rest of the sentence from `at` tells a date of its own ("The attack came two
    days after gunmen shot two workers … on Thursday night": Thursday dates them)."""
    end = _SENTENCE_END.search(text, at)
    stop = (end.start() if end else len(text)) + offset
    return any(at + offset <= d.start < stop for d in found)


_BY_THEN = re.compile(r"(?i)(?:by|until|till)\s")
HEADING_CHARS = 60  # a line this short, with no full stop, heads the paragraph under it
_NIGHT_BEFORE_REPORT = "the night that ended on the report's day"


def _day_told_before(told: list[DateMention], start: int) -> DateMention | None:
    """The last date told before `start`, not a day by which a state was reached ("By Sunday,
    the toll had risen to 14. The rebels struck back the same day": the shelling's day)."""
    return next((d for d in reversed(told) if d.end <= start and not _BY_THEN.match(d.text)), None)


def _of_days_told(
    text: str, found: list[DateMention], offset: int, published: dt.date | None
) -> list[DateMention]:
    """Nights and bare weekdays told in the paragraph of a day told before them, read as that
    day's (`_night_of`, `_weekday_of`) rather than from the report's date."""
    out: list[DateMention] = []
    for i, d in enumerate(found):
        anchor = _day_told_before(out, d.start)
        at = d.start - offset
        apposed = _DAY_AFTER.match(text, d.end - offset)
        if apposed is not None and _BARE_WEEKDAY.search(d.text):
            d = _apposed_day(d, out, apposed, published) or d
        elif _THAT_WEEKDAY.search(text, max(0, at - _POINTER_CHARS), at):  # even a "By" day
            d = _the_weekday_told(d, out) or d
        elif anchor is not None and _one_paragraph(text, anchor.start - offset, d.start - offset):
            item = _in_first_sentence(text, anchor.start - offset)
            d = _night_of(d, anchor, item=item) or _weekday_of(d, anchor) or d
        elif anchor is not None and _ALSO.search(text, max(0, at - _POINTER_CHARS), at):
            d = _weekday_of(d, anchor, weeks=(7,)) or d  # "… ¶ Also on Tuesday, in Maracaibo"
        elif anchor is not None:
            opening = next(  # the chronicle's last day: the last that opens its paragraph
                (t for t in reversed(out) if _opens_paragraph(text, t.start - offset)), anchor
            )
            d = _day_after(d, opening, found[i + 1 :], text, offset) or d
        if d.date == published:
            d = _the_weekday_a_week_before(d, out, text, offset) or d
        out.append(d)
    return out


def _the_weekday_a_week_before(
    d: DateMention, told: list[DateMention], text: str, offset: int
) -> DateMention | None:
    """The report's own weekday told bare, in the section where the story dated a day on that
    weekday in the week before, is that day: a story says "today" of its own day, and
    "SATURDAY 8 ¶ … was shot dead on Saturday afternoon" or "1. NEAR KONGOUSSI, SATURDAY 24
    AUGUST ¶ … on Saturday afternoon", in a weekly published on the next Saturday, tell the
    day the heading gave (not "17 January - … ¶ What next ¶ … a strike for Monday")."""
    on = next(
        (t for t in reversed(_days_told_before(d, told)) if t.date.weekday() == d.date.weekday()),
        None,
    )
    if on is None or _a_heading_between(text, on.end - offset, d.start - offset):
        return None
    return _weekday_of(d, on, (7,))


def _a_heading_between(text: str, start: int, end: int) -> bool:
    """Whether a heading line (short, with no full stop) stands between two offsets."""
    first = text.find("\n", start)
    lines = text[first + 1 : text.rfind("\n", 0, end)].split("\n") if 0 <= first < end else []
    return any(heads_a_section(line.strip()) for line in lines)


def _day_after(
    d: DateMention, anchor: DateMention, after: list[DateMention], text: str, offset: int
) -> DateMention | None:
    """A weekday told next after a day a week or more before the report, in a story told day by
    day (each day opens its paragraph or heading) whose next day lies between them, is the
    first such weekday after that day: "KHINJ ¶ On Monday, September 5, … ¶ UNABAH ¶ On
    Tuesday, the NRF announced … ¶ On Wednesday, …" in a story of Tuesday 13 September is 6
    September, not the report's day (the story would go back from it to Wednesday 7); so is
    "FRIDAY: THE PURSUIT" after "WEDNESDAY OF LAST WEEK: THE RAID" and before "LAST SATURDAY"
    in a Saturday paper."""
    if not _BARE_WEEKDAY.search(d.text) or anchor.precision != 1:
        return None
    first = anchor.date + dt.timedelta(days=(d.date.weekday() - anchor.date.weekday()) % 7 or 7)
    if first >= d.date:
        return None
    if not all(_opens_paragraph(text, t.start - offset) for t in (anchor, d)):
        return None
    nxt = next(  # the chronicle's next day (not the same day told again in its paragraph)
        (
            n
            for n in after
            if n.precision == 1
            and _BARE_WEEKDAY.search(n.text)
            and _opens_paragraph(text, n.start - offset)
        ),
        None,
    )
    if nxt is None or not first < nxt.date < d.date:
        return None
    why = f"{d.text!r} → {first}: the first {_WEEKDAY_NAMES[first.weekday()]} after {anchor.text!r}"
    return replace(d, date=first, reason=why)


def _days_told_before(d: DateMention, told: list[DateMention]) -> list[DateMention]:
    """The single days told before `d`, in order: what a weekday told after them may be."""
    return [t for t in told if t.precision == 1 and t.end <= d.start]


# a weekday explained by its distance from an event told ("On Thursday, the day after the
# shooting, detectives arrested three men")
_DAY_AFTER = re.compile(
    r",?[ \t]+the day (?P<way>after|before)[ \t]+(?:the|his|her|its|their)[ \t]"
)


def _apposed_day(
    d: DateMention, told: list[DateMention], m: re.Match[str], published: dt.date | None
) -> DateMention | None:
    """A weekday that its apposition puts a day after (or before) an event is the day after the
    last day told that lies so: "… in Omagh on the evening of Wednesday 22 February … On
    Thursday, the day after the shooting, detectives arrested three men" is 23 February, in a
    story of 2 March, not the report's Thursday."""
    shift = dt.timedelta(days=1 if m.group("way") == "after" else -1)
    anchor = next(
        (
            t
            for t in reversed(_days_told_before(d, told))
            if (t.date + shift).weekday() == d.date.weekday()
            and (published is None or t.date + shift <= published)
        ),
        None,
    )
    if anchor is None:
        return None
    day = anchor.date + shift
    return replace(
        d, date=day, reason=f"{d.text!r} → {day}: the day {m.group('way')} {anchor.text!r}"
    )


# a weekday pointed back to ("On the same Tuesday", "on that Sunday", "That same Friday", "On
# the Tuesday evening": the Tuesday the story told) (read from the characters just before the
# weekday, not from the text's start: `$` is there)
_THAT_WEEKDAY = re.compile(r"(?i)\b(?:the(?: same)?|that(?: same)?)\s+$")
_POINTER_CHARS = 24
_ALSO = re.compile(r"(?i)\balso\s+$")


def _the_weekday_told(d: DateMention, told: list[DateMention]) -> DateMention | None:
    """A weekday pointed back to is the last day told on that weekday, else the first of that
    weekday after the last day told: "The attack began on Monday 2 November. … On the same
    Tuesday, police raided eighteen addresses" is 3 November, in a story of 30 November."""
    if d.precision != 1 or d.text.split()[0].lower() not in _WEEKDAY_NUM:
        return None  # not "informs that on Monday (12)": the weekday follows the pointer
    days = _days_told_before(d, told)
    on = next((t for t in reversed(days) if t.date.weekday() == d.date.weekday()), None)
    if on is not None:
        day, why = on.date, f"the day of {on.text!r}"
    elif days:
        last = days[-1]
        day = last.date + dt.timedelta(days=(d.date.weekday() - last.date.weekday()) % 7)
        why = f"the first after {last.text!r}"
    else:
        return None
    return replace(d, date=day, reason=f"{d.text!r} → {day}: {why}")


def _in_first_sentence(text: str, at: int) -> bool:
    """Whether `at` lies in its paragraph's first sentence (no sentence ends before it)."""
    line = text.rfind("\n", 0, at) + 1
    return _SENTENCE_STOP.search(text, line, at) is None


# a sentence's end before a space (not `_SENTENCE_END`'s any full stop: an incident item's
# number, "3.2 Ndop (North-West), 4 October.", ends no sentence)
_SENTENCE_STOP = re.compile(r"[.!?][\"”’)]?\s")


def _one_paragraph(text: str, start: int, end: int) -> bool:
    """Whether `start` and `end` lie in one paragraph, or `start` in the heading line right above
    `end`'s paragraph ("Monday 16 May, Khorugh ¶ Several hundred people gathered … on Monday
    morning"): a short line that ends in no full stop."""
    between = text[start:end]
    if "\n" not in between:
        return True
    line_end = text.find("\n", start)
    heading = text[text.rfind("\n", 0, start) + 1 : line_end].strip()
    rest = text[line_end:end]
    return a_heading_line(heading) and "\n" not in rest.lstrip("\n")


def a_heading_line(line: str) -> bool:
    """Whether a line (stripped) is short and ends in no full stop: it heads what is under it."""
    return len(line) <= HEADING_CHARS and not line.endswith((".", "!", "?"))


def heads_a_section(line: str) -> bool:
    """Whether a line (stripped) is a section's heading: short, with no full stop, and not
    the end of a quote nor a label that opens what follows ("What they said:")."""
    return bool(line) and a_heading_line(line) and not line.endswith(('"', "”", ":"))


def _night_of(d: DateMention, anchor: DateMention, *, item: bool = False) -> DateMention | None:
    """A night after a day told before it (a day, not a week or a weekend), in the days before
    the report, is that day's night: "On Friday, rioters burned cars … Police arrested 219
    people during the night" is Friday's, published on Saturday (a night is coded to the day
    it began, as "the night of Tuesday 27 to Wednesday 28" is). A paragraph that opens with
    "Overnight," tells the night before the report. `item`: the day is told in its
    paragraph's first sentence, an item's day in a report's list of incidents ("Kumbo, Bui
    division, 3 September. Fighters set fire to a school during the night."), however long
    before the report."""
    if (
        _NIGHT_BEFORE_REPORT in d.reason
        and anchor.precision == 1
        and dt.timedelta(0) < d.date - anchor.date
        and (item or d.date - anchor.date <= dt.timedelta(days=6))
    ):
        why = f"{d.text!r} → {anchor.date}: the night of {anchor.text!r}"
        return replace(d, date=anchor.date, precision=1, reason=why)
    return None


def _weekday_of(
    d: DateMention, anchor: DateMention, weeks: tuple[int, ...] = (7, 14, 21, 28)
) -> DateMention | None:
    """A bare weekday after a date told before it that falls on that weekday is that date, not
    the report's week: "took place on Monday 18 November … On Monday morning, the Guards
    opened fire", in a briefing issued on 5 December, is 18 November. In a paragraph after
    it, with no day told between, one told as "also" that day, a week before the report's
    ("On Tuesday, July 30, in Valencia … ¶ Also on Tuesday, in Maracaibo", published on Monday
    12 August; not "… on Monday 16 May ¶ On Monday, crowds gathered again")."""
    if (
        anchor.precision == d.precision == 1
        and not d.stamp
        and (d.date - anchor.date).days in weeks
        and not _BY_THEN.match(d.text)
        and _BARE_WEEKDAY.search(d.text)
        and _BARE_WEEKDAY.search(anchor.text) is None
    ):
        return replace(
            d, date=anchor.date, reason=f"{d.text!r} → {anchor.date}: the day of {anchor.text!r}"
        )
    return None


# a weekday told with no date beside it ("On Monday morning", "Friday's")
_WEEKDAY_ALT = "|".join(sorted(_WEEKDAY_NUM, key=len, reverse=True))
_BARE_WEEKDAY = re.compile(rf"(?i)^(?:(?!\d).)*\b(?:{_WEEKDAY_ALT})\b(?:(?!\d).)*$")


# The night of the day just told ("On Friday, overnight, …"), not the night before the report
_NIGHT_OF = frozenset({"during the night", "overnight", "in the night"})
_GAP_TO_NIGHT = re.compile(r"\s*,?\s*")
# "11 January, a Saturday", "3 March (which was a Monday)": a weekday that restates a date
_GAP_TO_NAMED_WEEKDAY = re.compile(
    r"[^\S\n]*(?:\([^\S\n]*(?:(?i:a)[^\S\n]+)?|(?:,|[-–—])[^\S\n]*(?i:(?:which[^\S\n]+was[^\S\n]+)?a[^\S\n]+))"
)


# a day written in figures, the day first ("20-05-2024", "16.05.2024", "17/05/2024": police
# and army releases, many outlets outside the United States), not a longer run of figures
_NUMERIC = re.compile(
    r"(?<![\w./-])(?P<a>\d{1,2})(?P<sep>[-./])(?P<b>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d\d)(?![\w/-]|\.\d)"
)


# … or, with no year, a log entry's stamp: a day and month with a slash that open a line, after
# a bullet or an entry's number, before a dash, a bar, a colon or the place's name ("- 27/02 –
# Kabo – Regaining of control", "09/04 – Dapaong – Arrests", "- 10/04 Tandjouaré – abduction",
# "5. 08/01 Rutshuru: warehouse looted"; not "3/4 of the votes" inside a sentence)
_LOG_DAY_MONTH = re.compile(
    r"^[ \t]*(?:[-–—•*][ \t]*)?(?:\d{1,3}[.)][ \t]+)?"
    r"(?P<a>\d{1,2})/(?P<b>\d{1,2})(?=[ \t]*[-–—|:]|[ \t]+[A-ZÀ-Þ])",
    re.M,
)


def _numeric(text: str, published: dt.date | None) -> list[_Cand]:
    """The days written in figures: day first with dashes or dots, and with slashes the
    reading nearest before the report when both are days ("05/06/2024" is 5 June, or 6 May
    in a report of 10 May); none after the report. A log's stamps with no year ("09/04 –
    Dapaong") are read the same way in the report's year or the year before."""
    out = []
    for m in _NUMERIC.finditer(text):
        a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
        # (day, month): with dashes or dots the day first unless the second is no month
        readings = [(a, b), (b, a)] if m["sep"] == "/" else [(a, b) if b <= 12 else (b, a)]
        days = _days_before(readings, [y], published)
        if days:
            day = max(days) if published is not None else days[0]
            out.append(_Cand(m.start(), m.end(), day, 1, "a day written in figures", "explicit"))
    if published is None:
        return out
    for m in _LOG_DAY_MONTH.finditer(text):
        a, b = int(m["a"]), int(m["b"])
        years = [published.year, published.year - 1]
        days = _days_before([(a, b), (b, a)], years, published)
        if days:
            why = "a log's day written in figures, the latest on or before the report"
            out.append(_Cand(m.start("a"), m.end("b"), max(days), 1, why, "explicit"))
    return sorted(out, key=lambda c: c.start)


def _days_before(
    readings: list[tuple[int, int]], years: list[int], published: dt.date | None
) -> list[dt.date]:
    """The (day, month) readings that are days of these years, on or before the report."""
    made = [_mk(y, mo, d) for d, mo in readings if 1 <= mo <= 12 for y in years]
    return [d for d in made if d is not None and (published is None or d <= published)]


def _date_expressions(
    text: str, published: dt.date | None, offset: int = 0, weekdays_from: dt.date | None = None
) -> list[DateMention]:
    """Every date expression in `text`, sorted by start; offsets shifted by `offset`; bare
    weekdays counted back from `weekdays_from` when given (`_resolve`)."""
    cands: list[_Cand] = []
    for m in _MASTER.finditer(text):
        for start, end, d, prec, why, kind in _resolve(m, text, published, weekdays_from):
            cands.append(_Cand(start, end, d, prec, why, kind))
    if counted := _ago(text, published) + _numeric(text, published):
        cands = sorted(cands + counted, key=lambda c: c.start)
    out: list[_Cand] = []
    for c in cands:
        prev = out[-1] if out else None
        if prev is not None and c.start < prev.end:  # inside a qualifier: "(between 3 - 4 March)"
            continue
        if (
            prev is not None
            and text[c.start : c.end].lower() in _NIGHT_OF
            and _GAP_TO_NIGHT.fullmatch(text, prev.end, c.start)
        ):  # "On Friday 11 February, during the night, …": the night of that day, not tonight
            continue
        if (
            prev is not None
            and prev.kind != "explicit"
            and c.kind == "explicit"
            and _GAP_TO_EXPLICIT.fullmatch(text, prev.end, c.start)
        ):  # "Sunday, March 13", "yesterday (24 July)": the explicit date decides
            if "(" in text[prev.end : c.start] and text.startswith(")", c.end):
                c.end += 1
            c.start = prev.start
            out.pop()
        if (
            prev is not None
            and prev.kind == "explicit"
            and c.kind == "weekday"
            and _GAP_TO_NAMED_WEEKDAY.fullmatch(text, prev.end, c.start)
            and ("(" not in text[prev.end : c.start] or text.startswith(")", c.end))
        ):  # "on the 11th of January, a Saturday, when …", "December 3 (Tuesday) –": the
            # weekday restates the day
            prev.end = c.end + text.startswith(")", c.end)
            continue
        _qualify(text, c)
        out.append(c)
    result = []
    for c in out:
        span = text[c.start : c.end]
        result.append(
            DateMention(
                start=c.start + offset,
                end=c.end + offset,
                text=span,
                date=c.date,
                precision=c.precision,
                reason=f"{span!r} → {c.date}: {c.reason}",
            )
        )
    return result


DATELINE_REACH = 800  # a dateline opens the story: its first characters, after a title
# the place of a dateline in capitals: it opens a line, or follows a release's header on the
# same line after a gap or a bar ("For Immediate Release   KABUL, Afghanistan (March 10)")
_PLACE_LINE = (
    r"(?:^|(?<=\S[ \t]{2})|(?<=\|))[^\S\n]*"
    r"[A-Z][A-Z'’.\- ]{1,40}(?:,[ \t]*[A-Z][A-Za-z'’.\- ]{1,30})?[ \t]*"
)
_DAY_MONTH = rf"(?:{_WEEKDAY},?\s+)?(?:{_DAY}\s+{_MONTH}|{_MONTH}\s+{_DAY})"
_FULL_DATE = rf"{_DAY_MONTH},?\s+{_YEAR}"
# The layouts a report's own date takes at its head (the date is the group "date"):
_DATELINES = (
    # "KYIV, March 3 (Reuters) -", "KABUL, Afghanistan (Jan. 25) -", "MOSCOW, 5 May 2014 (AFP) -",
    # and a date in brackets with no dash after it: "KABUL, Afghanistan (March 10)  In Charkh …"
    re.compile(
        _PLACE_LINE + r"(?:,|\()[ \t]*"
        rf"(?P<date>{_DAY_MONTH}(?:,?\s+{_YEAR})?|{_WEEKDAY})"
        r"(?:[ \t]*\)?(?:[ \t]*\([^)\n]{1,40}\))?[ \t]*[-–—:]|\)(?=\s))",
        re.M,
    ),
    # the outlet before the date: "CAIRO (AP) - February 15, 2021 -"
    re.compile(
        _PLACE_LINE + r"\([^)\n]{1,40}\)[ \t]*[-–—][ \t]*"
        rf"(?P<date>{_DAY_MONTH}(?:,?\s+{_YEAR})?)[ \t]*[-–—:]",
        re.M,
    ),
    # a release's header line that ends in its full date ("PRESS RELEASE No. 41 | Mardan,
    # 9 July 2012"), or that date alone on its line ("Tuesday, 3 October 2017"), or with the
    # time the story was last updated after it ("Live blog | Saturday 23 February 2019,
    # updated Sunday 24 February 01:15")
    re.compile(
        rf"^(?P<head>[^\n]{{0,120}}?(?:,|\|)[ \t]*)??(?P<date>{_FULL_DATE})"
        r"(?:[ \t]*[,;|(]?[ \t]*(?:last[ \t]+)?(?:updated|modified)\b[^\n]{0,60})?[ \t]*$",
        re.M,
    ),
)
# a header names; a sentence (or a headline) says what happened, in lower-case words
SENTENCE_WORD = re.compile(r"(?<![\w-])[a-z]{4,}\b")
# the date after a release's place of issue in its header ("PRESS RELEASE - Juba, 21 February
# 2016", "Mata-Utu, Tuesday 4 October 2005"): read from the end of the place's name
ISSUE_DATE = re.compile(rf"[ \t]*,[ \t]*{_DAY_MONTH}")


@lru_cache(maxsize=8)
def _datelines(text: str) -> tuple[tuple[int, int], ...]:
    """Where the report's own date stands at its head: the first match of each layout (a
    release can have a header ending in its date and a dateline below it). Once per text: a
    story asks three times (`find_dates`, and `dateline_date` from `written_day` and the
    pipeline's story day)."""
    found = []
    for layout in _DATELINES:
        for m in layout.finditer(text, 0, DATELINE_REACH):
            head = m.groupdict().get("head")
            if head and SENTENCE_WORD.search(head) and "|" not in head:
                continue  # a sentence's date, not a header's ("Border live blog | Andes Desk |")
            found.append((m.start("date"), m.end("date")))
            break
    return tuple(found)


# A log entry's stamp at a line's start: its day and/or time, then a dash or a bar ("Tue 7
# April, 09:40 — ", "19:45 — ", "Thursday 19 January | ")
_ENTRY_STAMP = re.compile(
    rf"[ \t\-–—•*>]*(?=\S)(?:(?:{_WEEKDAY}|{WEEKDAY_SHORT}),?[ \t]*)?"
    rf"(?:{_DAY_MONTH}(?:,?[ \t]+{_YEAR})?,?[ \t]*)?"
    r"(?:(?:at[ \t]+)?[0-2]?\d[:.h][0-5]\d(?:[ \t]*(?:[ap]\.?m\.?|GMT|UTC|local))?[ \t]*)?"
    r"[-–—|][ \t]+(?=\S)",
    re.I,
)


def stamp_end(line: str) -> int:
    """Where a log entry's text starts after its stamp at the start of `line` ("19:45 — Crowds
    have poured …": at "Crowds"), else 0. A dash after no day or time is a dateline's or a
    list's ("KYIV — …", "- Police …")."""
    m = _ENTRY_STAMP.match(line)
    return m.end() if m is not None and any(c.isdigit() for c in m.group()) else 0


# A release's own date: a dateline or a title that opens with the day ("May 11: Afghan-ISAF
# Forces …", "KABUL, Afghanistan (Jan. 28) –"), and a release number holding its year and
# month ("2011-07-S-064", "2010-05-CA-039")
_REPORT_DAY = re.compile(
    rf"(?:^[ \t]*|\((?=[^)\n]{{0,20}}\)))(?P<month>{_MONTH})\s+(?P<day>[0-3]?\d)\b(?!,?\s*(?:19|20)\d\d)"
    r"(?=\)|:)",
    re.M,
)
_RELEASE_NUMBER = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>0[1-9]|1[0-2])-[A-Z]{1,3}\b")


def report_day(text: str) -> dt.date | None:
    """The day a report was issued, read from the report itself when no publication date
    came with it: its dateline's full date ("KABUL, Afghanistan (March 12, 2011) –"), or the
    month and day of its dateline or title with the year of its release number ("May 11: …"
    and "2010-05-CA-039"). Relative days ("today", "yesterday") are then read from it."""
    full = dateline_date(text, None)
    if full is not None:
        return full.date
    head = text[:DATELINE_REACH]
    day, number = _REPORT_DAY.search(head), _RELEASE_NUMBER.search(head)
    if day is None or number is None:
        return None
    month, year = _month_num(day.group("month")), int(number.group("year"))
    if month == 12 and int(number.group("month")) == 1:
        year -= 1  # a December release numbered in the new year's first days
    return _mk(year, month, int(day.group("day")))


# A story dated at its head a day or a few before it was published was written then: a live
# blog of Saturday updated after midnight, a dispatch filed the evening before
WRITTEN_BEFORE = 3


def written_day(text: str, published: dt.date | None) -> dt.date | None:
    """The day a story's "today", "yesterday" and "on Friday" count from: the date at its
    head (a dateline's, a header's: "Saturday 23 February 2019, updated Sunday 24 February")
    when it falls in the few days before its publication date, else that date; with none,
    the report's own day (`report_day`)."""
    if published is None:
        return report_day(text)
    own = dateline_date(text, published)
    if own is None or not 0 < (published - own.date).days <= WRITTEN_BEFORE:
        return published
    if is_stamp(text, own, 0) and _DATELINES[-1].search(text, own.end) is not None:
        return published  # a live blog's first day heading ("Monday 24 May 2021"), more below
    return own.date


def dateline_date(text: str, published: dt.date | None) -> DateMention | None:
    """The date of a dateline at the start of the article ("KYIV, March 3 (Reuters) -")."""
    heads = _datelines(text)
    if not heads:
        return None
    where = min(heads)
    found = _date_expressions(text[where[0] : where[1]], published, offset=where[0])
    return found[0] if found else None
