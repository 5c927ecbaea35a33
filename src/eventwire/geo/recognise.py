"""Toponym recognition: the spans of a parsed article that name places, with their cues.

Works from the tokens and the gazetteer, not from spaCy's entity labels alone (the small model
tags Mariupol as ORG and misses lower-case "kyiv"): a span is a longest run of capitalised words
(or a known lower-case place name) that the gazetteer knows; the labels and the parse only
veto spans (inside a longer PERSON name, a common word at the start of a sentence).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from eventwire.data import parse_yaml
from eventwire.geo.build import DATA_DIR, read_tsv
from eventwire.geo.gazetteer import Gazetteer
from eventwire.geo.names import fold
from eventwire.nlp import doc_text, in_title_case

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_WORDS = 6
# At a line's start, or after the headline's full stop on the same line ("Man charged with
# assault. BANTAM — A …": a title and its story run together).
_DATELINE = re.compile(
    r"(?:^|(?<=[.!?] ))\s*([A-Z][A-Z'.\- ]{2,}?)(?:,\s*([A-Z][\w.' ]{1,30}?))?\s*(?:\([^)\n]{1,40}\))?\s*[—–-]{1,2}\s",
    re.MULTILINE,
)


@dataclass
class Cues:
    """What the words around a toponym say about it."""

    near: str = ""  # "near", "outskirts of": geo_precision 2
    settlement: str = ""  # "city", "village" in "the city of X"
    region_after: bool = False  # "X region", "X oblast", "the state of X": a region's name
    # the unit's word after the name ("Nablus governorate"), or its table column's header: a
    # region's name even where the index holds only its seat
    unit_named: bool = False
    locative: bool = False  # "in X": the words use X as a place
    district_after: bool = False  # "X district"
    district_of: bool = False  # "the X neighbourhood of Y": a part of the city Y
    of_city: bool = False  # "the city's ... X district": a part of the city named before
    direction: tuple[float, float] | None = None  # "western" in "western Ukraine"
    direction_word: str = ""
    side: tuple[float, float] | None = None  # "the western village of X": which part of the country
    container_of: int = -1  # index of the mention this one contains: "Zvanivka, Donetsk"
    contained_by: int = -1
    dateline: bool = False
    listed: bool = False  # stands in a place description (a bare name, a list, a table cell)
    near_to: int = -1  # index of the mention that locates this one: "A/B", "A, south of B"
    near_km: float = 0.0  # ... and how far from it this one may lie
    anchor_of: int = -1
    part_of: int = -1  # index of the city whose possessive names this part: "Toronto's X Airport"
    part_named: bool = False  # a name the gazetteer lacks, a part by its words ("X Airport")
    site_after: str = ""  # "crossing" in "the Spin Boldak crossing": the name is a place's
    words: list[str] = field(default_factory=list)  # cue words, for the reason


@dataclass
class Toponym:
    """A span of text that names a place, before resolution."""

    start: int  # character offsets into the text
    end: int
    text: str
    first_token: int
    last_token: int  # exclusive
    label: str  # spaCy's entity label over the span, "" if none
    demonym: int = -1  # the country (or continent) entry if the span is an adjective/demonym
    lower_case: bool = False
    cues: Cues = field(default_factory=Cues)


@lru_cache(maxsize=1)
def cue_words() -> dict[str, Any]:
    """The cue lexicon (data/cues.yaml)."""
    data: dict[str, Any] = parse_yaml((DATA_DIR / "cues.yaml").read_text(encoding="utf-8"))
    data["near_phrases"] = {tuple(p.split()) for p in data["near_phrases"]}
    for key in (
        "near_before",
        "settlement_nouns",
        "region_after",
        "district_after",
        "connectors",
        "landmark_words",
        "landmark_before",
        "quarter_before",
        "name_particles",
        "building_words",
        "date_words",
        "part_words",
        "site_after",
    ):
        data[key] = frozenset(data[key])
    data["description_words"] = frozenset(
        [*data["description_words"], *data["near_before"], *data["settlement_nouns"]]
        + [*data["region_after"], *data["district_after"], *data["directions"]]
        + [word for phrase in data["near_phrases"] for word in phrase]
    )
    return data


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """Capitalised common words that are never toponyms without a cue (data/stopwords.tsv)."""
    return frozenset(row[0] for row in read_tsv("stopwords.tsv"))


def _capitalised(token: Token) -> bool:
    text = token.text
    return bool(text) and text[0].isupper() and (token.is_alpha or "." in text or "'" in text)


# Parts of speech that are no part of a person's name
_NOT_IN_NAMES = frozenset({"ADP", "ADV", "AUX", "CCONJ", "DET", "PART", "PRON", "SCONJ"})


def _names_a_building(doc: Doc, ent: Span, building_words: frozenset[str]) -> bool:
    """Whether a span spaCy tags PERSON starts a building's name ("Abha Maternity and
    Children's Hospital", "Ali Pasha Memorial Hall"): a building word within the next words."""
    return any(t.lower_ in building_words for t in doc[ent.end : ent.end + 4])


def find_toponyms(doc: Doc, gazetteer: Gazetteer) -> list[Toponym]:
    """Every span of `doc` that the gazetteer knows and the context does not veto."""
    cues = cue_words()
    stop = stop_words()
    connectors = cues["connectors"]
    ent_of: dict[int, Span] = {}
    person_words: set[str] = set()  # "Hall" once "Benjamin Hall" was named
    for ent in doc.ents:
        for t in range(ent.start, ent.end):
            ent_of[t] = ent
        if (
            ent.label_ == "PERSON"
            and len(ent) > 1
            and all(t.is_alpha and t.pos_ not in _NOT_IN_NAMES for t in ent)
            and not _names_a_building(doc, ent, cues["building_words"])
        ):
            # not "Trump - Wisconsin": spaCy runs a name on across a dash or a comma; nor
            # "Beyond Chemnitz, …" at a sentence's start: a preposition is no one's name
            person_words.update(t.text for t in ent)
    mentions: list[Toponym] = []
    full = doc_text(doc)
    listed = _description_tokens(doc, full, gazetteer, cues)
    n = len(doc)
    i = 0
    while i < n:
        token = doc[i]
        lower = not _capitalised(token)
        if lower and fold(token.text) not in gazetteer.lower_ok:
            i += 1
            continue
        found = _known_name(doc, i, full, gazetteer, connectors)
        if found is None:
            i += 1
            continue
        end_token, text, demonym = found
        if end_token - i > 1 and i >= 2 and doc[i - 1].lower_ == "of":
            if doc[i - 2].lower_ in _SCHOOLS:
                end_token, text = _school_place(doc, i, end_token, full, gazetteer)
        span_ent = ent_of.get(i)
        label = span_ent.label_ if span_ent is not None else ""
        mention = Toponym(
            start=token.idx,
            end=token.idx + len(text),
            text=text,
            first_token=i,
            last_token=end_token,
            label=label,
            demonym=demonym,
            lower_case=lower,
        )
        mention.cues = _cues(doc, mention, cues)
        mention.cues.listed = i in listed
        if mention.cues.listed and end_token == i + 1 and token.lower_ in cues["description_words"]:
            i += 1  # "North" in "Miranshah, North Waziristan": a word of the description
            continue
        if _vetoed(doc, mention, span_ent, stop, gazetteer, person_words):
            i += 1
            continue
        mentions.append(mention)
        i = end_token
    mentions = _possessive_parts(doc, full, mentions, cues, ent_of)
    _link_containers(full, mentions, gazetteer)
    _link_near(full, mentions)
    _mark_dateline(full, mentions)
    return mentions


_POSSESSIVE = frozenset({"'s", "’s"})
MAX_PART_WORDS = 5


def _possessive_parts(
    doc: Doc, full: str, mentions: list[Toponym], cues: dict[str, Any], ent_of: dict[int, Span]
) -> list[Toponym]:
    """Mark the names that follow a place's possessive as its parts, adding those the
    gazetteer lacks: "Toronto's Pearson International Airport", "Cairo's Shubra
    neighbourhood", "London's Heathrow". An unknown name counts only when a part word ends it
    or a district word follows it (data/cues.yaml part_words, district_after): "Toronto's
    Mayor John Tory" names no place."""
    parts, districts = cues["part_words"], cues["district_after"]
    starts = {m.first_token: m for m in mentions}
    taken = {t for m in mentions for t in range(m.first_token, m.last_token)}
    added: list[Toponym] = []
    n = len(doc)
    for m in mentions:
        j = m.last_token
        if j + 1 >= n or doc[j].text not in _POSSESSIVE or m.demonym >= 0:
            continue
        if j + 1 in starts:
            continue  # a known name: linked below
        end = j + 1
        while end < n and end - j <= MAX_PART_WORDS and end not in taken:
            t = doc[end]
            if _capitalised(t) or (t.text == "-" and end + 1 < n and _capitalised(doc[end + 1])):
                end += 1
            else:
                break
        if end == j + 1 or not _capitalised(doc[end - 1]):
            continue
        district = end < n and doc[end].lower_ in districts
        if not district and doc[end - 1].lower_ not in parts:
            continue
        if all(doc[t].lower_ in parts for t in range(j + 1, end)):
            continue  # "St. Paul's Hospital": a saint's institution, no part of a place
        first = doc[j + 1]
        span_ent = ent_of.get(j + 1)
        last = doc[end - 1]
        added.append(
            Toponym(
                start=first.idx,
                end=last.idx + len(last.text),
                text=full[first.idx : last.idx + len(last.text)],
                first_token=j + 1,
                last_token=end,
                label=span_ent.label_ if span_ent is not None else "",
                cues=Cues(district_after=district, part_named=True, words=["'s"]),
            )
        )
    if added:
        mentions = sorted(mentions + added, key=lambda m: m.start)
    for k in range(1, len(mentions)):
        prev, cur = mentions[k - 1], mentions[k]
        i = cur.first_token
        if (
            prev.last_token == i - 1
            and doc[i - 1].text in _POSSESSIVE
            and prev.demonym < 0
            and cur.demonym < 0
        ):
            cur.cues.part_of = k - 1
            after = doc[cur.last_token].lower_ if cur.last_token < n else ""
            if after in districts or doc[cur.last_token - 1].lower_ in parts:
                cur.cues.part_named = True  # "Giza's Haram district": a part by its words
    return mentions


def _known_name(
    doc: Doc, i: int, full: str, gazetteer: Gazetteer, connectors: frozenset[str]
) -> tuple[int, str, int] | None:
    """The longest run of capitalised words (joined by connectors) from token `i` that the
    gazetteer knows: (end token, text, demonym entry or -1), or None."""
    token = doc[i]
    lower = not _capitalised(token)
    n = len(doc)
    last = i
    while last + 1 < n and last + 1 - i < MAX_WORDS and not lower:
        nxt = doc[last + 1]
        if _capitalised(nxt) or (nxt.lower_ in connectors and last + 2 < n):
            last += 1
        else:
            break
    for j in range(last, i - 1, -1):
        if j > i and not _capitalised(doc[j]):
            continue
        text = full[token.idx : doc[j].idx + len(doc[j].text)]
        if "\n" in text:
            continue
        demonym = gazetteer.demonym(text) if not lower else None
        if demonym is not None or gazetteer.has_name(text):
            return j + 1, text, -1 if demonym is None else demonym
    return None


# Tokens that end a segment a place description may fill: a line, a table cell, a clause.
_SEGMENT_ENDS = frozenset({"|", ";", "\t"})
# Punctuation a place description may hold: "A/B", "A, B", "A (B)", "A - B".
_DESCRIPTION_MARKS = frozenset({",", "/", "(", ")", "-", "–", "—", ".", ":", "&", "+", "'s", "’s"})
# The longest segment read as a description, in tokens: a cell listing a few places.
MAX_DESCRIPTION_TOKENS = 24


def _description_tokens(
    doc: Doc, full: str, gazetteer: Gazetteer, cues: dict[str, Any]
) -> set[int]:
    """The tokens of the segments (lines, cells, the whole text) that are place descriptions.

    A description holds only known names, numbers, punctuation and description words ("Uman",
    "Semihatka/Henichesk", "Chuhuiv, south of Kharkiv", "Bakhmut district, Donetsk oblast",
    "village of Hostomel near Kyiv"), at least one known name, and at most one unknown name of
    a single word between separators ("Semihatka/Henichesk" where Semihatka is missing). Names
    in it are places on their own: no sentence is there for the parse to read them in.
    """
    words = cues["description_words"]
    connectors = cues["connectors"]
    out: set[int] = set()
    start = 0
    n = len(doc)
    # the segments' ends, in one pass over the tokens (not `doc[i]` twice per token: speed)
    ends = [t.i for t in doc if t.is_space or t.text in _SEGMENT_ENDS]
    for end in [*ends, n]:
        if 0 < end - start <= MAX_DESCRIPTION_TOKENS and _is_description(
            doc, start, end, full, gazetteer, words, connectors
        ):
            out.update(range(start, end))
        start = end + 1
    return out


def _is_description(
    doc: Doc,
    start: int,
    end: int,
    full: str,
    gazetteer: Gazetteer,
    words: frozenset[str],
    connectors: frozenset[str],
) -> bool:
    known = unknown = 0
    previous_name = False  # two names side by side are one name the gazetteer lacks
    i = start
    while i < end:
        t = doc[i]
        if t.text in _DESCRIPTION_MARKS or t.like_num or t.is_space:
            previous_name = False
            i += 1
            continue
        found = _known_name(doc, i, full, gazetteer, connectors) if _capitalised(t) else None
        if found is not None and found[0] <= end and not (t.lower_ in words and found[0] == i + 1):
            if previous_name:
                return False
            known += 1
            previous_name = True
            i = found[0]
            continue
        if t.lower_ in words:
            previous_name = False
            i += 1
            continue
        if not _capitalised(t) or previous_name:
            return False
        nxt = doc[i + 1] if i + 1 < end else None
        if nxt is not None and _capitalised(nxt) and nxt.lower_ not in words:
            return False  # an unknown name of several words: a person, an outlet, a title
        unknown += 1
        previous_name = True
        i += 1
    return known >= 1 and unknown <= 1


_PLACE_PREPOSITIONS = frozenset({"in", "on", "near", "at", "outside", "around"})


def _told_as_a_place(doc: Doc, m: Toponym, ent: Span | None) -> bool:
    """Whether this mention is told as a place, whatever else shares its name ("Deportes
    Valdivia", a club the parser reads as a person, and "marched through the centre of
    Valdivia", "In Valdivia, the police arrested a man"): "in" or "near" stands right before
    it, or "of" after a settlement's word ("the centre of", "the streets of"); not "at" or
    "on", nor a person's "of" ("associates of Steele"), nor a longer name ("in La Liga")."""
    i, j = m.first_token, m.last_token
    if (
        i < 2
        or (ent is not None and ent.label_ == "PERSON")
        or (j < len(doc) and _capitalised(doc[j]))
    ):
        return False
    before = doc[i - 1].lower_
    return before in ("in", "near") or (
        before == "of" and doc[i - 2].lower_ in (*cue_words()["settlement_nouns"], *_CENTRES)
    )


_CENTRES = ("centre", "center", "outskirts", "heart", "edge")


@lru_cache(maxsize=1)
def region_names() -> frozenset[str]:
    """The names of data/region_names.tsv, folded: chosen by hand, never common words."""
    return frozenset(fold(row[0]) for row in read_tsv("region_names.tsv"))


@lru_cache(maxsize=1)
def acronyms() -> frozenset[str]:
    """Region names written as short capitals ("DPR"), from data/region_names.tsv."""
    return frozenset(fold(row[0]) for row in read_tsv("region_names.tsv") if row[0].isupper())


_WATER_WORDS = frozenset({"sea", "ocean", "strait", "straits"})
_OCEANS = frozenset({"pacific", "atlantic", "arctic", "mediterranean"})
_NOT_PLACES = frozenset({"CARDINAL", "ORDINAL", "DATE", "TIME", "MONEY", "QUANTITY", "PERCENT"})


# Words that make the name before them a news outlet's: "the Saba news agency", "Kyiv Post".
_OUTLET_WORDS = frozenset(
    "news agency agencies tv television radio newspaper broadcaster channel".split()
)
# ... only when capitalised, as part of a title: "Kyiv Post", not "a Kyiv post office".
_OUTLET_TITLES = frozenset(
    "times post independent daily herald tribune gazette journal today pravda insider".split()
)


@lru_cache(maxsize=1)
def outlets() -> frozenset[str]:
    """Outlets named like places ("Saba", "Xinhua"), folded (data/outlets.tsv)."""
    return frozenset(fold(row[0]) for row in read_tsv("outlets.tsv"))


def _names_outlet(doc: Doc, m: Toponym) -> bool:
    """Whether the word after the span makes it an outlet's name ("Saba news agency")."""
    if m.last_token >= len(doc):
        return False
    nxt = doc[m.last_token]
    if nxt.lower_ in _OUTLET_WORDS:
        return True
    return nxt.lower_ in _OUTLET_TITLES and nxt.text[:1].isupper()


def _vetoed(
    doc: Doc,
    m: Toponym,
    ent: Span | None,
    stop: frozenset[str],
    gazetteer: Gazetteer,
    person_words: set[str],
) -> bool:
    """Whether the context says the span is not a place name."""
    cued = bool(m.cues.settlement or m.cues.region_after or m.cues.district_after or m.cues.near)
    folded = fold(m.text)
    regions = region_names()
    if m.demonym >= 0:
        # "Central American Boulevard": a street named after a people, no place of theirs
        return _before_a_landmark_word(doc, m)
    if m.cues.listed:
        # a description: no sentence around the name to give it another reading
        water = folded.split()[-1] in _WATER_WORDS and not m.cues.region_after
        return water or (ent is not None and ent.label_ in _NOT_PLACES)
    if folded in stop and not cued:
        return True
    if _names_a_landmark(doc, m):
        return True
    if not cued and (folded in outlets() or _names_outlet(doc, m)):
        return True  # "the Saba news agency", "the Kyiv Independent": an outlet, not a place
    if m.text in person_words and not cued and not _told_as_a_place(doc, m, ent):
        return True  # a surname or first name of someone named in full elsewhere
    first = doc[m.first_token]
    if first.is_upper and len(first.text) <= 3 and m.last_token - m.first_token == 1:
        if _division_after_place(doc, m, gazetteer):
            return False  # "LOUISVILLE, KY": a postal abbreviation after its place
        return folded not in {"us", "uk", "uae", "usa", "drc"} | acronyms()
    if folded.split()[-1] in _WATER_WORDS and not m.cues.region_after:
        return True  # "the Red Sea": the sea, not Sudan's or Egypt's Red Sea state
    if folded in _OCEANS and m.first_token > 0 and doc[m.first_token - 1].lower_ == "the":
        return True  # "routes to the Pacific ports": the ocean, not Pacific, Missouri
    if _date_beside_number(doc, m):
        return True  # "PESHAWAR, Nov 12": the month, not Nov in Tajikistan
    after = doc[m.last_token] if m.last_token < len(doc) else None
    if (
        after is not None
        and after.text[:1].isupper()
        and after.lower_ in cue_words()["group_heads"]
    ):
        return True  # "the Tigray Militia", "the Arakan Army": a group named for a place
    if _before_an_article_and_name(doc, m):
        return True  # "Ain al-Hilweh", "Tell el-Kebir": the first word of a longer name
    if (
        ent is not None
        and (ent.label_ in _NOT_PLACES or _a_product(doc, m, ent))
        and not cued
        and not _big_place(m, gazetteer)
        and not _place_not_date(doc, m)
    ):
        return True  # "Nine people": a number, a date (but "Niger state" is a state)
    inside_after_preposition = (
        ent is not None
        and ent.start < m.first_token
        and ent.end <= m.last_token
        and doc[m.first_token - 1].lower_ in _PLACE_PREPOSITIONS
    )  # "the strike of the Armed Forces of Ukraine on Novodruzhesk": spaCy's ORG runs on
    # spaCy's entity often holds the article: "the Plymouth County Sheriff's Office" starts
    # with the place as much as "Plymouth County Sheriff's Office" does
    ent_start = ent.start if ent is not None else 0
    while ent is not None and ent_start < m.first_token and doc[ent_start].lower_ in _ARTICLES:
        ent_start += 1
    if (
        ent is not None
        and not inside_after_preposition
        and (ent_start < m.first_token or ent.end > m.last_token)
        and not _runs_across_brackets(doc, ent, m)
        and not _joined_to_a_place(doc, ent, m, gazetteer)
    ):
        # part of a longer name: "Benjamin Hall", "Washington Post", "Red Cross"
        if ent.label_ in ("PERSON", "WORK_OF_ART", "LAW", "PRODUCT", "EVENT"):
            return True
        if ent.end > m.last_token and doc[ent.end - 1].lower_ in cue_words()["group_heads"]:
            return True  # "the Jalisco New Generation Cartel": a group named for a place
        after_place = m.first_token > 0 and doc[m.first_token - 1].text in (",", "(")
        if ent.label_ == "ORG" and not cued and not after_place:
            # "Kyiv city council" keeps Kyiv; so do the bodies named after a place
            if ent_start < m.first_token:
                return not _named_after_place(doc, ent, m, gazetteer)
            if ent.start < ent_start:
                # "the Queensland Police Service", "the Metcalfe County Coroner": a place big
                # enough to lend its name, not "the Alliance of …", "the Edwards … Center"
                big = gazetteer.largest(m.text)
                return not (
                    big is not None
                    and (big.kind in ("country", "admin1", "admin2") or big.population >= 50_000)
                )
            return False
    if _name_runs_on(doc, m, gazetteer):
        # "Natalia Koldash": part of a longer name the gazetteer lacks, unless the place is big
        # enough to lend its name to institutions ("Alberta Health Services", "Kyiv Post")
        big = gazetteer.largest(m.text)
        if (
            big is None
            or (big.kind == "city" and big.population < 100_000)
            or big.kind in ("village", "district")
        ):
            return True
    if _name_runs_back(doc, m, gazetteer):
        big = gazetteer.largest(m.text)
        if not (
            big is not None
            and (big.kind in ("country", "admin1") or big.population >= 100_000)
            and fold(big.name) == folded  # not a big place's other name: "Baga Sola" ≠ Seoul
        ):
            return True  # "Roche Bois", "the Pont Vert neighbourhood", "Canapé-Vert"
    if ent is None and not cued and m.last_token - m.first_token == 1 and folded not in regions:
        # a capitalised common word outside any entity: "Most", "Police" at a sentence start
        # (not "Donbass situation worsens": a region name of data/region_names.tsv)
        if first.is_sent_start and first.pos_ not in ("PROPN",):
            return True
        if first.pos_ in ("VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "ADV", "NUM"):
            return True
    return False


_COMPASS = frozenset({"north", "south", "east", "west"})


# the hyphens that join the words of one name ("Canapé-Vert", "Roland-Garros")
_NAME_HYPHENS = ("-", "‑")


def _name_runs_on(doc: Doc, m: Toponym, gazetteer: Gazetteer) -> bool:
    """Whether a proper noun the gazetteer does not know follows the span, or is joined to it
    by a hyphen: it is the first word of a longer name ("Natalia Koldash"). Words that make it
    a place ("near X", "the village of X", "X region", "X district") keep it."""
    cues = m.cues
    if cues.settlement or cues.region_after or cues.listed or cues.near or cues.district_after:
        return False
    nxt = doc[m.last_token] if m.last_token < len(doc) else None
    if nxt is not None and nxt.text in _NAME_HYPHENS and not doc[m.last_token - 1].whitespace_:
        # a hyphen joins it to the word after ("Roland-Garros airport"), as "Canapé-Vert"
        # joins the word before (`_name_runs_back`); not "the Abuja-Kaduna road"
        glued = doc[nxt.i + 1] if nxt.i + 1 < len(doc) and not nxt.whitespace_ else None
        return glued is not None and _capitalised(glued) and gazetteer.largest(glued.text) is None
    return (
        nxt is not None
        and _capitalised(nxt)
        and nxt.pos_ == "PROPN"
        and not gazetteer.has_name(nxt.text)
    )


def _name_runs_back(doc: Doc, m: Toponym, gazetteer: Gazetteer) -> bool:
    """Whether the span is the last word of a longer name: a capitalised proper noun stands
    right before it inside the sentence, the two no name the gazetteer knows ("Pont Vert",
    "Roche Bois", "Plaza San Martín" once "San Martín" is vetoed), or a hyphen joins it to
    the word before ("Canapé-Vert"). "The village of X" and "X region" keep it; so does a
    headline in title case ("Gunmen Kill Five In Kaduna")."""
    cues = m.cues
    if cues.settlement or cues.region_after or cues.listed or m.first_token < 2:
        return False
    before = doc[m.first_token - 1]
    if before.text in _NAME_HYPHENS and not before.whitespace_:
        glued = doc[m.first_token - 2]
        return _capitalised(glued) and not glued.whitespace_ and not gazetteer.has_name(glued.text)
    return (
        before.pos_ == "PROPN"
        and _capitalised(before)
        and not before.is_sent_start
        and "\n" not in doc[before.i - 1].whitespace_ + doc[before.i - 1].text
        and before.lower_ not in cue_words()["description_words"]
        and not in_title_case(before.sent)  # last: finding the sentence costs most
    )


# an Arabic article joined to the next word of a name ("al-Hilweh", "el-Kebir", "ash-Shati")
_ARTICLE_AND_NAME = re.compile(r"[ \t]+(?:[aeAE][lnrdstz]|ash|esh|[aeAE]d-d)-[A-Z]")


def _before_an_article_and_name(doc: Doc, m: Toponym) -> bool:
    """Whether the span is followed by an Arabic article joined to a capitalised word ("Ain
    al-Hilweh", "Tell el-Kebir"): the first word of a longer name, not the place the gazetteer
    knows by that word alone (Ain, a department of France)."""
    end = doc[m.last_token - 1].idx + len(doc[m.last_token - 1].text)
    return bool(_ARTICLE_AND_NAME.match(doc_text(doc), end))


def _before_a_landmark_word(doc: Doc, m: Toponym) -> bool:
    """Whether a capitalised landmark word follows the span ("Cumming Street", "Liverpool
    St.", "Zhongxiao East Road", "Central American Boulevard")."""
    j = m.last_token
    while j < len(doc) - 1 and doc[j].lower_ in _COMPASS and _capitalised(doc[j]):
        j += 1  # "Zhongxiao East Road"
    nxt = doc[j] if j < len(doc) else None
    return (
        nxt is not None
        and _capitalised(nxt)
        and nxt.lower_.rstrip(".") in cue_words()["landmark_words"]
    )


def _names_a_landmark(doc: Doc, m: Toponym) -> bool:
    """Whether the span is part of a street's, a square's, a bridge's or a building's name:
    followed by a capitalised landmark word ("Cumming Street", "Liverpool St.", "Zhongxiao East
    Road") or after one in the place's language ("Piazza Alimonda"; the word alone, "Plaza",
    is none either), the last word of one ("City Hall", where "Hall" is an alternate name of
    Hull), or ending in one after "the" ("the Old Bridge": a landmark of the story's town,
    where Old Bridge is a town in New Jersey). A lower-case one keeps the place: "the Bakhmut
    road" runs towards Bakhmut."""
    words, before_words = cue_words()["landmark_words"], cue_words()["landmark_before"]
    one_word, folded = m.last_token - m.first_token == 1, fold(m.text)
    particles = cue_words()["name_particles"]
    quarters = cue_words()["quarter_before"]
    if one_word and (folded in before_words or folded in quarters):
        j = m.last_token
        while j < len(doc) - 1 and doc[j].lower_ in particles:
            j += 1  # "Praça da Sé"
        if j < len(doc) and _capitalised(doc[j]):
            return True  # "Plaza" in "Plaza San Martín": the square, not a town of that name
    i = m.first_token - 1
    while i > 0 and doc[i].lower_ in particles:
        i -= 1
    if i < m.first_token - 1 and _capitalised(doc[i]) and fold(doc[i].text) in before_words:
        return True  # "Sé" in "Praça da Sé", "Revolución" in "Plaza de la Revolución"
    before = doc[m.first_token - 1] if m.first_token > 0 else None
    if before is not None and fold(before.text) in quarters and _capitalised(before):
        return True  # "San Jorge" in "the Colonia San Jorge" ("the aldea San Juan" is a village)
    if _a_town_s_landmark(doc, m, before_words):
        return True
    if _before_a_landmark_word(doc, m):
        return True
    before = doc[m.first_token - 1] if m.first_token > 0 else None
    if (
        before is not None
        and _capitalised(before)
        and not before.is_sent_start
        and before.lower_ in before_words
    ):
        return True  # "Plaza San Martín", "Piazza Alimonda": a square named after the place
    if (
        one_word
        and (folded in words or folded in cue_words()["building_words"])
        and before is not None
        and _capitalised(before)
        and not before.is_sent_start
    ):
        return True  # "City Hall", "Sessions House": the end of a building's name
    if _a_landmark_named_for(doc, m.first_token, words | cue_words()["building_words"]):
        return True
    return (
        m.last_token - m.first_token > 1
        and doc[m.last_token - 1].lower_ in words
        and before is not None
        and before.lower_ == "the"
    )


def _a_town_s_landmark(doc: Doc, m: Toponym, before_words: frozenset[str]) -> bool:
    """A name that opens with a landmark word, told of a town after it: "the Plaza de la
    Revolucion of Camaguey", "the Place de l'Indépendance in Bamako" are that town's squares,
    not the far district or town the name also is (Plaza de la Revolución, Havana). Alone
    ("in the Plaza de la Revolución") it keeps its own reading."""
    if m.last_token - m.first_token < 2 or fold(doc[m.first_token].text) not in before_words:
        return False
    after = doc[m.last_token : m.last_token + 2]
    return len(after) == 2 and after[0].lower_ in ("of", "in") and _capitalised(after[1])


def _a_landmark_named_for(doc: Doc, first: int, words: frozenset[str]) -> bool:
    """Whether the name stands in what a park, a church or a square is named for: "the park of
    the Virgin of Fatima in Matagalpa", "the church of the Holy Cross" (a lower-case landmark
    word, "of the", then capitalised words and "of"). "The market of Kano" names Kano."""
    i = first - 1
    while i >= 2 and (_capitalised(doc[i]) or doc[i].lower_ in ("of", "the")):
        if doc[i].lower_ == "the" and doc[i - 1].lower_ == "of" and doc[i - 2].lower_ in words:
            return doc[i - 2].text.islower()
        i -= 1
    return False


# Words before a name that use it as a place, whatever spaCy's label over it: "In Oyem on 12
# March", "by 10 a.m. in Dori" ("near", "outside" are cues of their own).
_PLACE_POSITION = frozenset({"in", "at"})


def _place_not_date(doc: Doc, m: Toponym) -> bool:
    """Whether a gazetteer name that spaCy tags DATE, TIME or a number stands where a place
    does ("in X", "at X") and reads as no date or number itself: spaCy's DATE over "Oyem on
    12 March" or "Bria, 40 km to the east" is its mistake; "in March", "in 2019", "at Nine"
    stay none (data/cues.yaml date_words)."""
    if m.first_token == 0 or doc[m.first_token - 1].lower_ not in _PLACE_POSITION:
        return False
    dates = cue_words()["date_words"]
    return not any(
        t.like_num or any(c.isdigit() for c in t.text) or t.lower_ in dates
        for t in doc[m.first_token : m.last_token]
    )


def _a_product(doc: Doc, m: Toponym, ent: Span) -> bool:
    """Whether the name is spaCy's PRODUCT and its last word modifies a noun after it ("Apache
    helicopters"). (Not its peoples, NORP: it gives that label to towns before a noun, "the
    Mochudi showground".)"""
    last = doc[m.last_token - 1]
    return (
        ent.label_ == "PRODUCT"
        and last.dep_ in ("amod", "compound", "nmod")
        and last.head.i > last.i
    )


def _date_beside_number(doc: Doc, m: Toponym) -> bool:
    """Whether a one-word name is a month or weekday word beside a day's number ("Nov 12",
    "12 Nov", "Sept. 25"): a date, whatever spaCy's label over it."""
    if m.last_token - m.first_token != 1 or fold(m.text) not in cue_words()["date_words"]:
        return False
    nxt = m.last_token + (m.last_token < len(doc) and doc[m.last_token].text == ".")
    return (nxt < len(doc) and doc[nxt].like_num) or (
        m.first_token > 0 and doc[m.first_token - 1].like_num
    )


def _big_place(m: Toponym, gazetteer: Gazetteer) -> bool:
    """A name with no digit that is a country's, a division's or a city's of 100k+: spaCy's
    DATE over "in Winnipeg" is its mistake ("Nine", "Sunday" are no such names)."""
    if any(c.isdigit() for c in m.text):
        return False
    big = gazetteer.largest(m.text)
    return big is not None and (
        big.kind in ("country", "admin1") or (big.kind == "city" and big.population >= 100_000)
    )


def _division_after_place(doc: Doc, m: Toponym, gazetteer: Gazetteer) -> bool:
    """Whether a short capitalised word stands after "<Place>," and names a first-level
    division: "LOUISVILLE, KY", "Canberra, ACT" (postal abbreviations of states, provinces and
    territories), not "Smith, AP" (a news agency)."""
    i = m.first_token
    if i < 2 or doc[i - 1].text != "," or not _capitalised(doc[i - 2]):
        return False
    if not gazetteer.has_name(doc[i - 2].text):
        return False
    exact, _ = gazetteer.lookup(m.text)
    return any(e.kind == "admin1" for e in exact)


_ARTICLES = frozenset({"the", "a", "an"})
# An institution "of" a place names the place: "University of Michigan", "Government of
# Alberta", "Children's Court of Queensland", "the Conference Board of Canada".
_BROADCASTER = re.compile(r"^[A-Z]{2,4}$")


# A school "of" a place is named for it, whatever follows ("University of Toronto Faculty of
# Law"); a bank or a board may not be ("Bank of America Merrill Lynch").
_SCHOOLS = frozenset({"university", "college"})


def _school_place(doc: Doc, i: int, end: int, full: str, gazetteer: Gazetteer) -> tuple[int, str]:
    """The place a school is named for, where the longest known name runs on into the rest
    of its name: "University of Michigan Center for …" is Michigan, not Michigan Center (a
    town of 4k); a division's or a country's name at the start wins."""
    for j in range(i + 1, end):
        text = full[doc[i].idx : doc[j - 1].idx + len(doc[j - 1].text)]
        big = gazetteer.largest(text)
        if big is not None and big.kind in ("country", "admin1"):
            return j, text
    return end, full[doc[i].idx : doc[end - 1].idx + len(doc[end - 1].text)]


def _named_after_place(doc: Doc, ent: Span, m: Toponym, gazetteer: Gazetteer) -> bool:
    """Whether an organisation's name holds the place as where it belongs, not as a word.

    - "X of <place>": "University of Michigan", "Government of Alberta", "Innocence Project
      of Texas" (the place ends the name);
    - a broadcaster's station, its call letters and its city: "CTV Winnipeg", "CBC Toronto";
    - a national or provincial body or branch named "<name> <country or division>":
      "Environment Canada", "Team Alberta", "Costco Canada".
    The place must end the organisation's name ("Bank of America Merrill Lynch" keeps none),
    but for a university's or a college's ("University of Michigan Center for …").
    """
    largest = gazetteer.largest(m.text)
    if largest is not None and largest.kind == "country" and m.first_token > ent.start:
        return True  # "the U.S. Transportation Department", "the Kenya Medical Association"
    before = doc[m.first_token - 1] if m.first_token > 0 else None
    if (
        before is not None
        and before.lower_ == "of"
        and m.first_token - 2 >= ent.start
        and doc[m.first_token - 2].lower_ in _SCHOOLS
    ):
        return True  # "the University of Michigan Center for …": the name runs on past it
    if m.last_token != ent.end:
        return False
    if before is None:
        return False
    if before.lower_ == "of":
        return True
    if m.first_token - 1 == ent.start and _BROADCASTER.match(before.text):
        return True
    return (
        largest is not None
        and largest.kind in ("country", "admin1")
        and fold(largest.name) == fold(m.text)
        and m.first_token - 1 >= ent.start
    )


def _joined_to_a_place(doc: Doc, ent: Span, m: Toponym, gazetteer: Gazetteer) -> bool:
    """Whether spaCy's entity joins two places with "and"/"or": "Ingham or Townsville" tagged
    as one ORG is two towns ("Bosnia and Herzegovina", one name, is matched whole first)."""
    i = m.first_token
    return (
        i - 2 >= ent.start
        and doc[i - 1].lower_ in ("and", "or")
        and _capitalised(doc[i - 2])
        and gazetteer.has_name(doc[i - 2].text)
    )


def _runs_across_brackets(doc: Doc, ent: Span, m: Toponym) -> bool:
    """Whether spaCy's entity runs across a bracket or comma next to the mention: "Fongba
    (Lokossa, Mono" tagged as one WORK_OF_ART is a list of places, not one longer name."""
    between = [*range(ent.start, m.first_token), *range(m.last_token, ent.end)]
    return any(doc[t].text in ("(", ")", ",") for t in between)


def _cues(doc: Doc, m: Toponym, cues: dict[str, Any]) -> Cues:
    found = Cues()
    i = m.first_token
    before = [t.lower_ for t in doc[max(0, i - 4) : i]]
    if before and before[-1] in cues["near_before"]:
        found.near = before[-1]
    if len(before) >= 2 and tuple(before[-2:]) in cues["near_phrases"]:
        found.near = " ".join(before[-2:])
    if len(before) >= 3 and tuple(before[-3:-1]) in cues["near_phrases"]:
        found.near = " ".join(before[-3:-1])  # "kilometers from central kyiv"
    if before and before[-1] == "in":
        found.locative = True
    if before and before[-1] == "of":
        for k in range(len(before) - 2, -1, -1):
            if before[k] in cues["region_after"] and k == len(before) - 2:
                found.region_after = True  # "the northern state of Borno"
                found.words.append(before[k])
                break
            if before[k] in cues["settlement_nouns"]:
                found.settlement = before[k]
                for word in before[:k]:
                    if word in cues["directions"]:
                        found.side = _pair(cues["directions"][word])
                break
    if before and before[-1] in cues["directions"]:
        found.direction = _pair(cues["directions"][before[-1]])
        found.direction_word = doc[i - 1].text
    after = doc[m.last_token].lower_ if m.last_token < len(doc) else ""
    if after in cues["site_after"] and not _capitalised(doc[m.last_token]):
        found.site_after = after  # "at the Spin Boldak crossing": the town's crossing
    if after in cues["region_after"] or _in_a_region_column(doc, m, cues["region_after"]):
        found.region_after = found.unit_named = True
    if after in cues["district_after"]:
        found.district_after = True
        window = doc[max(0, i - 4) : i].text.lower()
        found.of_city = "city's" in window or "city’s" in window or "capital's" in window
        # "In Man, … stormed a polling station in the Libreville neighbourhood": a quarter
        # named for a place elsewhere, a part of the town the story is in (not "the Cotonou
        # neighbourhood of former President Yayi": Cotonou's, whoever lives there)
        quarter = after in ("neighbourhood", "neighborhood", "quarter")
        then = doc[m.last_token + 1].lower_ if m.last_token + 1 < len(doc) else ""
        found.of_city = found.of_city or (
            quarter and bool(before) and before[-1] == "the" and then != "of"
        )
    found.words = [
        w
        for w in (
            found.near,
            found.settlement,
            after if found.region_after or found.district_after else "",
        )
        if w and w not in found.words
    ] + found.words
    return found


def _in_a_region_column(doc: Doc, m: Toponym, words: list[str]) -> bool:
    """Whether the name stands in a table's cell under a header that names a kind of region
    ("| 12 Feb | Nablus | Aqraba | search operation |" under "| date | governorate | community
    | incident |"): the region its row's place lies in, as if "Nablus governorate"."""
    text = doc_text(doc)
    at = doc[m.first_token].idx
    line = text.rfind("\n", 0, at) + 1
    if not text.startswith("|", line):
        return False
    column = text.count("|", line, at)
    top = line
    while top > 0:
        above = text.rfind("\n", 0, top - 1) + 1
        if not text.startswith("|", above):
            break
        top = above
    stop = text.find("\n", top)
    header = text[top : stop if stop >= 0 else len(text)].split("|")
    if top == line or column >= len(header):
        return False
    return any(w in words for w in header[column].lower().split())


def _pair(value: list[float]) -> tuple[float, float]:
    return (float(value[0]), float(value[1]))


# "the West Bank city of Jenin", "the northern Syrian town of Manbij": the name before contains X
SETTLEMENT_OF = re.compile(r"\s+(?:city|town|village|port|capital) of\s+", re.I)


# "X district, Y province", "X County, Kentucky", "X local government area, Borno state": a
# second-level unit and the region that holds it.
UNIT_COMMA = re.compile(
    r"\s+(?:district|county|raion|rayon|commune|municipality|lga|local government area|"
    r"sub-?district|tehsil)\s*,\s*",
    re.I,
)


# "X in Y state", "X in the northern state of Y" (Y's region word is read by its cues)
IN_REGION = re.compile(r"\s+in\s+(?:the\s+)?(?:[\w-]+\s+){0,2}(?:of\s+)?", re.I)
_UNKNOWN_UNIT = re.compile(r"\s*\(\s*[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,2}\s*,\s*")


def _link_containers(full: str, mentions: list[Toponym], gazetteer: Gazetteer) -> None:
    """'X, Y', 'X (Y)' and 'X district of Y': Y names the place that contains X; 'the Y city
    of X' and 'the Syrian town of X' too. In a list of pairs ("Lexington, Kentucky,
    Richmond, Virginia") a town after a division that closed a pair starts the next pair: it
    holds no division."""
    for k in range(1, len(mentions)):
        prev, cur = mentions[k - 1], mentions[k]
        between = full[prev.end : cur.start]
        if prev.cues.container_of >= 0 and between.strip() == ",":
            if _names_division(prev.text, gazetteer) and not _names_division(cur.text, gazetteer):
                continue
        if SETTLEMENT_OF.fullmatch(between) and cur.demonym < 0:
            prev.cues.container_of = k
            cur.cues.contained_by = k - 1
            continue
        part_of = re.fullmatch(
            r"\s+(?:district|raion|neighbou?rhood|area|quarter) of\s+", between, re.I
        )
        prev.cues.district_of = part_of is not None
        part_of = part_of or UNIT_COMMA.fullmatch(between)  # "Nawa district, Helmand province"
        # "Kompa (Karimama, Alibori)": the place, its commune (a name the gazetteer lacks)
        # and its region, as ACLED's notes write them
        part_of = part_of or _UNKNOWN_UNIT.fullmatch(between)
        # "Warwara in Borno state", "Dabaga in the state of Borno": a place inside a region
        # the text names as one
        if cur.cues.region_after:
            part_of = part_of or IN_REGION.fullmatch(between)
        if between.strip() == "," and not part_of and _listed_towns(full, mentions, k, gazetteer):
            continue
        if (
            (between.strip() in (",", "(", ", (") or part_of)
            and cur.demonym < 0
            and prev.demonym < 0
        ):
            cur.cues.container_of = k - 1
            prev.cues.contained_by = k
            # "(Malanville, Alibori)": the chain continues inside the parentheses
            if k >= 2 and full[mentions[k - 2].end : prev.start].strip() in ("(", ","):
                if mentions[k - 2].cues.contained_by == k - 1:
                    mentions[k - 2].cues.contained_by = k


def _listed_towns(full: str, mentions: list[Toponym], k: int, gazetteer: Gazetteer) -> bool:
    """ "blocked roads in Nyanga, Philippi and Gugulethu": places listed, the second no
    container of the first, when "and" or "or" and a name close the list after it (a name
    the gazetteer may lack), and no division follows that name ("Lexington, Kentucky and
    Richmond, Virginia" lists pairs)."""
    cur = mentions[k]
    if _names_division(cur.text, gazetteer):
        return False
    closing = _LIST_END.match(full, cur.end)
    if closing is None:
        return False
    comma = _COMMA.match(full, closing.end())
    if comma is None:
        return True
    follower = next((m for m in mentions if m.start == comma.end()), None)
    return follower is None or not _names_division(follower.text, gazetteer)


# the end of a list of names: ", and Gugulethu", " or Langa"
_LIST_END = re.compile(r",?\s+(?:and|or)\s+[A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)*")
_COMMA = re.compile(r"\s*,\s*")


def _names_division(text: str, gazetteer: Gazetteer) -> bool:
    """Whether a name is first of all a country's or a first-level division's ("Kentucky")."""
    largest = gazetteer.largest(text)
    return largest is not None and largest.kind in ("country", "admin1")


# What may stand between a place and the place that locates it, and how far from it the place
# may lie: "Semihatka/Henichesk" (a village and its hromada or district centre), "Hostomel near
# Kyiv", "Tikrit, north of Baghdad" (a direction says where, not how near: 150 km and more).
_DIRECTION = (
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest|north-east|north-west"
    r"|south-east|south-west)(?:ern)?"
)
_NEAR_LINKS = (
    (re.compile(r"\s*/\s*"), 75.0),
    (re.compile(r",?\s+(?:near|outside|close\s+to|not\s+far\s+from)\s+", re.I), 75.0),
    (re.compile(r",?\s+(?:on\s+)?the\s+outskirts\s+of\s+", re.I), 75.0),
    (
        re.compile(
            r",?\s+(?:(?:some|about|around)\s+)?(\d+(?:[.,]\d+)?)\s*(?:km|kilometres|kilometers)\s+"
            + _DIRECTION
            + r"\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?",
            re.I,
        ),
        -1.0,  # the distance given, and some
    ),
    (
        re.compile(
            r",?\s+" + _DIRECTION + r"\s+of\s+(?:the\s+(?:city|town|village)\s+of\s+)?", re.I
        ),
        300.0,
    ),
)


def _link_near(full: str, mentions: list[Toponym]) -> None:
    """'A/B', 'A, south of B', 'A near B': B locates A (a place near it, or in it if B is a
    region)."""
    for k in range(1, len(mentions)):
        prev, cur = mentions[k - 1], mentions[k]
        if prev.demonym >= 0 or cur.demonym >= 0 or prev.cues.contained_by >= 0:
            continue
        between = full[prev.end : cur.start]
        for pattern, radius in _NEAR_LINKS:
            match = pattern.fullmatch(between)
            if match is None:
                continue
            if radius < 0:
                radius = float(match.group(1).replace(",", ".")) * 1.5 + 25.0
            prev.cues.near_to = k
            prev.cues.near_km = radius
            cur.cues.anchor_of = k - 1
            break


def _mark_dateline(full: str, mentions: list[Toponym]) -> None:
    """The dateline ("LVIV, Ukraine —") within the first lines of the article."""
    head = full[:600]
    match = _DATELINE.search(head)
    if not match:
        return
    for m in mentions:
        if match.start(1) <= m.start < match.end():
            m.cues.dateline = True
