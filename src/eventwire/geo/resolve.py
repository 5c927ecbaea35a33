"""Toponym resolution: pick each mention's gazetteer entry with the whole article as context.

Two passes: the first ranks candidates by population and kind alone and votes the article's
country and regions; the second ranks again with those votes, the containers the text names
("Zvanivka, Donetsk"), the places near the others, and the cue words.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from eventwire.geo.distance import distance_km as km
from eventwire.geo.gazetteer import Entry, Gazetteer
from eventwire.geo.names import fold, loose, skeleton
from eventwire.geo.recognise import Toponym, acronyms, cue_words

NEAR_KM = 150.0
# A homonym abroad beats one in the article's country only when it is this big and the home one tiny.
WORLD_CITY = 1_000_000
# A span tagged as a person name (spaCy tags Bucha and Hostomel PERSON) is a place only if it is this
# big or lies in the article's country.
PERSON_MIN_POP = 50_000
PLAIN_MIN_POP = 1_000
TIE = 0.75
LOOSE_HANDICAP = 1.0  # a name matched only loosely ("Kharkov" for Kharkiv) scores this lower
# An alternate name ("Nikolaev" for Mykolaiv) of a city this big stands as a place in a text that
# names nothing else (a headline), whatever label spaCy gives it.
ALIAS_MIN_POP = 100_000
REGION_WORDS = frozenset(
    {"oblast", "region", "province", "governorate", "state", "department"}
)  # score difference under which two homonyms are told apart by nothing real


@dataclass
class Choice:
    """The entry chosen for a mention, with its score and the runners-up."""

    entry: Entry
    score: float
    alternatives: list[Entry]
    homonyms: int
    why: str


@dataclass
class Context:
    """What the rest of the article says about where it is."""

    countries: dict[str, float]  # votes
    regions: Counter[str]  # "CC.adm1" of regions named or implied
    anchors: list[tuple[int, float, float, str]]  # (mention, lat, lon, folded name): sure places
    frame: Callable[[str], tuple[float, float, float, float] | None] | None = None
    # the votes each name gave its country: a name said three times is not three witnesses
    # that its own country is the article's ("Fano fighters" in an Ethiopia story)
    name_votes: dict[str, tuple[str, float]] = field(default_factory=dict)
    home: str | None = None  # the outlet's home country: it wins a tie of votes
    # countries the story names by their adjective or people ("a French woman")
    adjectives: set[str] = field(default_factory=set)
    # countries the story names, or one of whose first-level divisions it names
    named: set[str] = field(default_factory=set)
    # (mention, lat, lon) of the towns and units the first pass chose, homonyms or not
    towns: list[tuple[int, float, float]] = field(default_factory=list)
    _anchor_points: dict[tuple[float, float, str], set[int]] | None = field(
        default=None, init=False, repr=False
    )
    _anchored: int = field(default=0, init=False, repr=False)

    def near_other(self, e: Entry, index: int, name: str) -> bool:
        """Whether `e` lies within NEAR_KM of a sure place the article names elsewhere (not
        mention `index`, not by the same name). Each distinct place is measured once, however
        often the article names it: time grows with the places, not with their mentions."""
        if self._anchor_points is None or self._anchored != len(self.anchors):
            points: dict[tuple[float, float, str], set[int]] = {}
            for k, lat, lon, anchor in self.anchors:
                points.setdefault((lat, lon, anchor), set()).add(k)
            self._anchor_points, self._anchored = points, len(self.anchors)
        return any(
            anchor != name
            and (len(ks) > 1 or index not in ks)
            and km(e.latitude, e.longitude, lat, lon) < NEAR_KM
            for (lat, lon, anchor), ks in self._anchor_points.items()
        )

    def focus(self, exclude: str | None = None) -> str | None:
        """The country with most votes (one vote of `exclude` taken away), if any."""
        best, top = None, 0.0
        for cc, votes in self.countries.items():
            votes -= 1.0 if cc == exclude else 0.0
            if votes > top or (votes == top and votes > 0 and cc == self.home):
                best, top = cc, votes
        return best


def candidates(gazetteer: Gazetteer, m: Toponym) -> tuple[list[Entry], set[int]]:
    """The entries a mention may name, and the ids among them matched exactly."""
    if m.demonym >= 0:
        entry = gazetteer.entry(m.demonym)
        return [entry], {entry.id}
    exact, rest = gazetteer.lookup(m.text)
    # a country or continent is named by one of its names, never by a near spelling:
    # "Assia" (a Benin village) is not Asia
    rest = [e for e in rest if e.kind not in ("country", "continent")]
    if len(fold(m.text).replace(" ", "")) < 4:
        # an abbreviation is spelt one way: "N.J." is not a loose "N.Y.", "Ky" no "Ki"
        rest = []
    if not names_unit(m):
        # a second-level unit only where the text says it names one: "Washington" alone is
        # no county, "Washington County" or "Nawa district, Helmand" are; or where the unit's
        # own name is the bare name (England's "Essex", Benin's commune "Segbana"): a unit
        # GeoNames names "X County" is not meant by "X" alone
        folded = fold(m.text)
        exact = [e for e in exact if e.kind != "admin2" or fold(e.name) == folded]
        rest = [e for e in rest if e.kind != "admin2"]
    return exact + rest, {e.id for e in exact}


# The words that make a name a second-level unit's ("Laurel County", "Commune of Kandi").
UNIT_WORDS = frozenset(
    "county district raion rayon commune municipality lga parish department prefecture "
    "sub-district subdistrict tehsil".split()
)


def names_unit(m: Toponym) -> bool:
    """Whether the text says this name is a second-level unit's: "X district", "X County",
    "X, Y province" (a place inside a region it names)."""
    words = fold(m.text).split()
    return (
        m.cues.district_after
        or m.cues.contained_by >= 0
        or (len(words) > 1 and (words[-1] in UNIT_WORDS or words[0] in UNIT_WORDS))
    )


def score(
    e: Entry,
    m: Toponym,
    exact: bool,
    ctx: Context | None,
    container: Entry | None,
    index: int,
    inner: list[Entry] | None = None,
    near: Entry | None = None,
) -> tuple[float, str]:
    """How well entry `e` fits mention `m` in its context; the main reason in words.

    `inner`: the candidates of the place `m` contains ("Kétou, Plateau" for Plateau), so that
    the container chosen is one a candidate lies in (Benin's Plateau, not Nigeria's)."""
    why = ""
    primary = fold(m.text) == fold(e.name)
    if e.kind in ("country", "continent"):
        s = 12.0
    elif e.kind in ("admin1", "admin2"):
        s = math.log10(e.population + 10) - 2.5
    elif e.kind == "village":
        s = 2.3  # an official settlement of unknown size: as a place of ~200 people
    elif e.kind == "district":
        s = 1.0
    else:
        s = math.log10(e.population + 10)
    if not exact:
        s -= LOOSE_HANDICAP
    elif not primary and not e.name.isascii() and skeleton(m.text) == skeleton(e.name):
        # its own name, written the common way: GeoNames's is a scholarly romanisation with
        # diacritics ("Jenin" for Janīn, "Marawi" is no such form of Merowe)
        s -= 0.5
    elif not primary:
        s -= 1.5  # an alternate name: "Missouri" is also an old name of some town
    cues = m.cues
    if cues.region_after:
        s += 8.0 if e.kind == "admin1" else -2.0
        why = f"'{m.text} region'"
    if cues.district_after:
        s += 8.0 if e.kind in ("district", "admin2") else 0.0
    if cues.settlement:
        if e.kind in ("city", "village"):
            s += 1.0
        if e.kind in ("admin1", "country"):
            s -= 6.0
        why = f"'the {cues.settlement} of'"
    if cues.contained_by >= 0 and e.kind == "admin1":
        s -= 3.0  # "Horinka (Kyiv)": the contained one is the settlement
    if cues.container_of >= 0 and e.kind in ("admin1", "country"):
        s += 6.0  # ", Donetsk" after a place: the oblast
    if inner and e.kind in ("country", "admin1") and any(within(x, e) for x in inner):
        s += 8.0
        why = "holds the place named before it"
    if container is not None and container.kind in ("country", "admin1", "city"):
        if within(e, container):
            s += 10.0
            why = f"in {container.name}"
        elif e.kind not in ("country",):
            s -= 10.0
    if near is not None and e.kind not in ("country", "continent"):
        if km(e.latitude, e.longitude, near.latitude, near.longitude) <= cues.near_km:
            s += 10.0
            why = f"near {near.name}"
        else:
            s -= 10.0
    if ctx is not None and cues.side is not None and ctx.frame is not None and e.kind != "country":
        frame = ctx.frame(e.country_code)
        if frame is not None:
            lo_lat, hi_lat, lo_lon, hi_lon = frame
            y = (e.latitude - lo_lat) / max(hi_lat - lo_lat, 1e-6) * 2 - 1
            x = (e.longitude - lo_lon) / max(hi_lon - lo_lon, 1e-6) * 2 - 1
            dy, dx = cues.side
            s += 5.0 * (x * dx + y * dy) if (dx or dy) else -2.0 * (abs(x) + abs(y))
    if ctx is not None:
        focus = ctx.focus(e.country_code if e.kind == "country" and m.demonym < 0 else None)
        if focus and e.country_code == focus:
            s += 4.0
            why = why or f"the article's country {focus}"
        region = f"{e.country_code}.{e.admin1_code}"
        if e.kind != "admin1" and ctx.regions.get(region):
            s += 1.5 + min(ctx.regions[region], 3) * 0.25
            why = why or f"in the region named ({region})"
        if e.kind not in ("country", "admin1") and ctx.near_other(e, index, fold(m.text)):
            s += 1.0
            why = why or "near other places in the article"
    return s, why


def within(x: Entry, region: Entry) -> bool:
    """Whether entry `x` lies in the country or admin1 division `region`."""
    return x.country_code == region.country_code and (
        region.kind == "country" or x.admin1_code == region.admin1_code
    )


def choose(
    gazetteer: Gazetteer,
    m: Toponym,
    index: int,
    ctx: Context | None,
    container: Entry | None,
    inner: list[Entry] | None = None,
    near: Entry | None = None,
) -> Choice | None:
    """The best entry for mention `m`, or None if none fits well enough to name a point.

    `container`: the entry already chosen for the place that contains `m`; `inner`: the
    candidates of the place `m` contains; `near`: the entry chosen for the place that
    locates `m` ("Semihatka/Henichesk", "Chuhuiv, south of Kharkiv")."""
    entries, exact_ids = candidates(gazetteer, m)
    if not entries:
        return None
    if container is not None and container.kind in ("admin1", "country"):
        # "Alberta, Saskatchewan and Newfoundland", "in Russia, U.S. officials said": a list
        # of divisions or countries, not one inside another
        if m.cues.container_of < 0 and any(
            e.id in exact_ids
            and e.kind == container.kind
            and (e.kind == "country" or fold(e.name) == fold(m.text))  # not a seat's alias
            and e.id != container.id
            and (e.kind == "country" or e.country_code == container.country_code)
            for e in entries
        ):
            container = None
    if m.lower_case:
        entries = [e for e in entries if e.kind == "country" or e.population >= 500_000]
    if _names_landmark(m):
        # "Liberty Square" names a square; the town that bears it as an old or local name
        # (Manlius, New York) is meant only by a town the story names ("Rittenhouse Square"
        # in a Philadelphia story): a square elsewhere is no place the gazetteer knows
        entries = [
            e
            for e in entries
            if (e.id in exact_ids and loose(e.name) == loose(m.text))
            or (ctx is not None and _by_a_town(e, index, ctx))
        ]
    if m.cues.district_after and any(e.kind == "district" for e in entries):
        entries = [e for e in entries if e.kind == "district"]
    elif m.cues.district_after and m.cues.of_city:
        return None  # "the city's Zelenyi district": a part of the city, not a village elsewhere
    if not entries:
        return None
    scored = sorted(
        ((score(e, m, e.id in exact_ids, ctx, container, index, inner, near), e) for e in entries),
        key=lambda x: -x[0][0],
    )
    scored = _exact_over_bigger_loose(scored, exact_ids)
    scored = _own_name_over_alias(m, scored, exact_ids)
    scored = _capital_over_namesakes(gazetteer, m, scored, exact_ids)
    focus = ctx.focus() if ctx else None
    scored = _division_over_town_elsewhere(m, scored, exact_ids, focus)
    holds = bool(inner) and any(within(x, scored[0][1]) for x in inner or ())
    if (
        focus
        and container is None
        and near is None
        and not holds
        and m.demonym < 0
        and scored[0][1].kind != "country"
    ):
        # a homonym abroad never wins over the article's country, unless it is a world city
        # and the home one a village, or the home one only matches loosely
        home = [x for x in scored if x[1].country_code == focus]
        if home and home[0] is not scored[0]:
            abroad, local = scored[0][1], home[0][1]
            cued = bool(m.cues.settlement or m.cues.near or m.cues.region_after)
            world = abroad.population >= WORLD_CITY and local.population < 50_000 and not cued
            loose_only = local.id not in exact_ids and abroad.id in exact_ids
            if not world and not loose_only:
                scored = home + [x for x in scored if x[1].country_code != focus]
        elif not home and ctx is not None and _stray(scored[0][1], m, focus, ctx):
            # "Kani" in a Myanmar story: not the Japanese city, a place we lack; but "Florida"
            # in a Russia story is the US state when the story names the US, not a Cuban town
            named = [
                x
                for x in scored
                if x[1].id in exact_ids
                and x[1].kind in ("country", "admin1")
                and ctx.countries.get(x[1].country_code, 0.0) > STRAY_OWN_VOTES
            ]
            if not named:
                return None
            scored = [named[0]] + [x for x in scored if x is not named[0]]
        elif home and home[0] is scored[0] and scored[0][1].id not in exact_ids:
            # "Gaza" in a Yemen story: the city of that very name, not a loose "Ḩajjah"
            local = scored[0][1]
            named = [
                x
                for x in scored
                if x[1].id in exact_ids
                and x[1].kind in ("city", "admin1")
                and x[1].population >= max(ALIAS_MIN_POP, 2 * local.population)
            ]
            if named:
                scored = [named[0]] + [x for x in scored if x is not named[0]]
        if ctx is not None and home and scored[0] is home[0]:
            over = _named_abroad(m, scored, exact_ids, focus, ctx)
            if over is not None:
                scored = [over] + [x for x in scored if x is not over]
    if container is not None and container.kind == "admin1":
        if not any(within(x[1], container) for x in scored):
            return None  # "Buda, Sumy" with no Buda in Sumy: the region, not a wrong point
    if near is not None and m.cues.listed:
        if not any(
            km(x[1].latitude, x[1].longitude, near.latitude, near.longitude) <= m.cues.near_km
            for x in scored
        ):
            return None  # "Mokha/Taiz" with no Mokha near Taiz: Taiz, not a Moga in India
    scored = _medoid_first(scored)
    (best_score, why), best = scored[0]
    if not _plausible(m, best, focus, container, best.id in exact_ids):
        return None
    names = {e.name for _, e in scored}
    return Choice(
        entry=best,
        score=best_score,
        alternatives=[e for _, e in scored[1:4]],
        homonyms=len(scored) - 1 if len(names) <= len(scored) else 0,
        why=why,
    )


# How far from a town the story names a landmark's namesake may lie and be that landmark's.
LANDMARK_KM = 50.0


def _by_a_town(e: Entry, index: int, ctx: Context) -> bool:
    """Whether `e` lies within LANDMARK_KM of a town another mention of the story names."""
    return any(
        k != index and km(e.latitude, e.longitude, lat, lon) <= LANDMARK_KM
        for k, lat, lon in ctx.towns
    )


def _names_landmark(m: Toponym) -> bool:
    """Whether the name ends in a landmark's word: "Liberty Square", "Rittenhouse Square",
    "Pitts Bridge" (data/cues.yaml landmark_words)."""
    words = fold(m.text).split()
    return len(words) > 1 and words[-1].rstrip(".") in cue_words()["landmark_words"]


def _exact_over_bigger_loose(
    scored: list[tuple[tuple[float, str], Entry]], exact_ids: set[int]
) -> list[tuple[tuple[float, str], Entry]]:
    """A place named exactly comes before a place only spelt like it that is no bigger and
    leads by less than a loose spelling's handicap: nothing but size set them apart.

    "with Wales" is the division of 3.1M people, not Ciudad Valles (124k), which a division's
    handicap against its namesake towns put first; a loose spelling still wins over a hamlet
    of the exact name ("Zaporizhzhia", a village of 656, is the city Zaporizhzhya), and where
    the context chose it ("in Donetsk")."""
    (top_score, _), top = scored[0]
    if top.id in exact_ids or top.kind in ("country", "continent"):
        return scored
    for x in scored[1:]:
        e = x[1]
        if top_score - x[0][0] >= LOOSE_HANDICAP:
            break
        if e.id in exact_ids and e.kind in ("city", "admin1") and e.population > top.population:
            return [x] + [y for y in scored if y is not x]
    return scored


def _own_name_over_alias(
    m: Toponym, scored: list[tuple[tuple[float, str], Entry]], exact_ids: set[int]
) -> list[tuple[tuple[float, str], Entry]]:
    """A city of ALIAS_MIN_POP+ called by its own name comes before a city that bears the name
    only as an alternate or a near spelling, however much bigger.

    "Dili" is Timor-Leste's capital (150k), not Delhi (11M), one of whose hundreds of
    alternate names in other languages it is; "New Delhi" is the capital, not Delhi; "Sakata"
    is the Japanese city, not Jakarta. An alternate's handicap (1.5) lets a city 30 times
    bigger win, which is right against a hamlet's name but not against a city known by its
    own. A name the text places ("Dili, India", "near X") is left to the ranking."""
    top = scored[0][1]
    if top.kind not in ("city", "village") or m.cues.contained_by >= 0 or m.cues.near_to >= 0:
        return scored
    folded = fold(m.text)
    if top.id in exact_ids and fold(top.name) == folded:
        return scored  # the leader is called so itself
    for x in scored[1:]:
        e = x[1]
        if (
            e.kind == "city"
            and e.id in exact_ids
            and fold(e.name) == folded
            and e.population >= ALIAS_MIN_POP
        ):
            why = f"its own name, not an alternate of {top.name}, {top.country_code}"
            return [((x[0][0], x[0][1] or why), e)] + [y for y in scored if y is not x]
    return scored


# A town at most this big is not what a bare name means when a first-level division of the
# same country bears that very name and the town lies outside it.
TOWN_UNDER_DIVISION = 100_000


def _division_over_town_elsewhere(
    m: Toponym,
    scored: list[tuple[tuple[float, str], Entry]],
    exact_ids: set[int],
    focus: str | None,
) -> list[tuple[tuple[float, str], Entry]]:
    """In a story of its country, a first-level division before a small town of that country
    named like it elsewhere.

    "a Delaware limited liability company" is the state, not Delaware, Ohio (38k); "from
    mid-Ohio to the western borders of Montana and Wyoming" the state, not Wyoming, Michigan.
    A division's own namesake town inside it (Kharkiv in Kharkiv oblast) is left to the rest
    of the ranking, and so is a town the text places or calls one ("the town of Delaware"); a
    town inside it whose own name only opens with the division's is not ("Sinaloa" is the
    state, not Sinaloa de Leyva)."""
    top = scored[0][1]
    cues = m.cues
    if top.kind not in ("city", "village") or top.population > TOWN_UNDER_DIVISION:
        return scored
    if top.country_code != focus:
        return scored
    if cues.settlement or cues.near or cues.contained_by >= 0 or cues.near_to >= 0:
        return scored
    for x in scored[1:]:
        e = x[1]
        if (
            e.kind == "admin1"
            and e.id in exact_ids
            and fold(e.name) == fold(m.text)
            and e.country_code == top.country_code
            # (or inside it, its name only the first words of the town's own: "Sinaloa" is
            # the state, not Sinaloa de Leyva; but "Tadjourah" is the town Tadjoura)
            and (e.admin1_code != top.admin1_code or len(top.name.split()) > len(m.text.split()))
        ):
            first = (
                (
                    x[0][0],
                    f"the division, not a town called so ({top.name}, "
                    f"{top.country_code}.{top.admin1_code})",
                ),
                e,
            )
            return [first] + [y for y in scored if y is not x]
    return scored


# How far behind a namesake of its own country a national capital may score and still be
# the place meant: a region or a neighbour named elsewhere in the story is no stronger hint.
CAPITAL_MARGIN = 2.5


def _capital_over_namesakes(
    gazetteer: Gazetteer,
    m: Toponym,
    scored: list[tuple[tuple[float, str], Entry]],
    exact_ids: set[int],
) -> list[tuple[tuple[float, str], Entry]]:
    """A national capital before the small towns of its own country that share its name.

    "WASHINGTON" at the head of a wire story is the capital (689k), not a town of 7k in a
    state the story names, and not North Carolina's Washington; a town the text places
    ("Washington, N.C.", "near Washington") or a story about that state by cue keeps it."""
    top = scored[0][1]
    if top.kind not in ("city", "village") or m.cues.contained_by >= 0 or m.cues.near_to >= 0:
        return scored
    if gazetteer.capital_of(top.geonameid) is not None:
        return scored
    for x in scored[1:]:
        if scored[0][0][0] - x[0][0] > CAPITAL_MARGIN:
            break
        e = x[1]
        if (
            e.kind == "city"
            and e.id in exact_ids
            and e.country_code == top.country_code
            and fold(e.name) == fold(top.name)
            and e.population > top.population
            and gazetteer.capital_of(e.geonameid) == e.country_code
        ):
            why = f"the national capital over its namesakes; {x[0][1]}" if x[0][1] else ""
            first = ((x[0][0], why or "the national capital over its namesakes"), e)
            return [first] + [y for y in scored if y is not x]
    return scored


def _named_abroad(
    m: Toponym,
    scored: list[tuple[tuple[float, str], Entry]],
    exact_ids: set[int],
    focus: str,
    ctx: Context,
) -> tuple[tuple[float, str], Entry] | None:
    """A world city or big division abroad that beats a village of the article's country:
    the story names the abroad one's country elsewhere ("in France … on Paris' Champs-Elysees"
    in a Kentucky paper; "Moscow" in a Washington story about Russia), by its adjective too
    ("a French woman … on a plane to San Francisco instead of Paris"). A local paper's "Paris"
    with no France named stays its own (Paris, Kentucky)."""
    local = scored[0][1]
    cued = bool(m.cues.settlement or m.cues.near or m.cues.region_after)
    if cued or local.kind not in ("city", "village") or local.population >= 50_000:
        return None
    for x in scored[1:]:
        e = x[1]
        if e.country_code == focus or e.id not in exact_ids or fold(e.name) != fold(m.text):
            continue
        if e.kind not in ("city", "admin1") or e.population < WORLD_CITY:
            continue
        votes = ctx.countries.get(e.country_code, 0.0)
        cc, own = ctx.name_votes.get(fold(m.text), ("", 0.0))
        if cc == e.country_code:
            votes -= own  # the name's own votes are no witness for it
        if votes >= 1.0 or e.country_code in ctx.adjectives:
            return x
    return None


# Votes the article's country needs, and the most a far homonym's country may have (its own
# first-pass vote), for the homonym to be taken for a place of the article's country that the
# gazetteer lacks; a city this big abroad stands whatever the article's country.
STRAY_FOCUS_VOTES = 2.0
STRAY_OWN_VOTES = 1.0
STRAY_SHARE = 4.0  # … or a country never named with a quarter of the focus's votes or fewer
STRAY_MAX_POP = 500_000


def _stray(e: Entry, m: Toponym, focus: str, ctx: Context) -> bool:
    """Whether the only candidates of a mention lie in a country the article never names.

    A Myanmar story's "Kani" (a town the gazetteer lacks) matches only Kani, Japan; a Mali
    story's "Lere" only towns in Nigeria and Chad. A place of another country stands when
    that country is named too, when it is a big city, or when the text says where it is.
    """
    if e.kind in ("country", "continent") or m.demonym >= 0 or e.country_code == focus:
        return False
    if e.population >= STRAY_MAX_POP or m.cues.container_of >= 0:
        return False
    if ctx.countries.get(focus, 0.0) < STRAY_FOCUS_VOTES:
        return False
    own = ctx.countries.get(e.country_code, 0.0)
    cc, by_itself = ctx.name_votes.get(fold(m.text), ("", 0.0))
    if cc == e.country_code:
        own -= by_itself - min(by_itself, 1.0)  # its own name counts once
    if own <= STRAY_OWN_VOTES:
        return True
    # towns of a country the story never names, a few votes against many ("Abu" of "the Abu
    # Salim neighbourhood" and "Sikka" of "al-Sikka road", two Indian towns, in a Libya story):
    # they back each other, not the story
    named = e.country_code in ctx.named or e.country_code in ctx.adjectives
    return not named and own * STRAY_SHARE <= ctx.countries.get(focus, 0.0)


def _medoid_first(
    scored: list[tuple[tuple[float, str], Entry]],
) -> list[tuple[tuple[float, str], Entry]]:
    """Among near-tied homonyms of one region, put first the one closest to all the others.

    Ten villages called Krasne in one oblast and nothing in the text to tell them apart: the
    middle one is the guess with the smallest expected error.
    """
    top = scored[0][1]
    tied = [
        x
        for x in scored
        if x[0][0] >= scored[0][0][0] - TIE
        and x[1].kind in ("city", "village")
        and x[1].country_code == top.country_code
        and x[1].admin1_code == top.admin1_code
    ]
    if len(tied) < 3 or top.kind not in ("city", "village"):
        return scored
    best = min(
        tied,
        key=lambda x: sum(
            km(x[1].latitude, x[1].longitude, y[1].latitude, y[1].longitude) for y in tied
        ),
    )
    return [best] + [x for x in scored if x is not best]


def _plausible(
    m: Toponym, e: Entry, focus: str | None, container: Entry | None, exact: bool
) -> bool:
    """Whether a span with weak evidence of being a place may stand as one."""
    # the entry's own name, in any spelling: an exact alias that differs only in its vowels
    # ("Khan Younis" for Khān Yūnis) is one
    primary = exact and skeleton(m.text) == skeleton(e.name)
    if m.demonym >= 0 or e.kind in ("country", "continent"):
        return True
    if e.kind == "admin2":
        # the text said it names a unit (`names_unit`): any spelling of the unit's name stands
        return exact or loose(m.text) == loose(e.name) or container is not None
    if e.kind == "admin1":
        # "the Zaporozhye region", "Kherson Oblast" (spaCy: PERSON, ORG): the word says region
        named_region = m.cues.region_after or fold(m.text).split()[-1] in REGION_WORDS
        named_region = named_region or fold(m.text) in acronyms()  # "DPR", untagged
        # "Melville, Sask.", "Barrie, Ont.": after a place and a comma, the division holding it
        named_region = named_region or m.cues.container_of >= 0
        # a span spaCy tags ORG that is exactly a division's name ("the LPR") is the division
        return primary or exact and (m.label in ("GPE", "LOC", "ORG") or named_region)
    cued = bool(m.cues.settlement or m.cues.near or m.cues.district_after or m.cues.dateline)
    home = container is not None or (focus is not None and e.country_code == focus)
    if m.cues.listed:
        # a name in a place description ("Uman", "Semihatka/Henichesk") is a place by where it
        # stands; only a loose match abroad needs more ("Oudshoorn" for a name we lack)
        return exact or home or loose(m.text) == loose(e.name)
    if exact and e.population >= ALIAS_MIN_POP:
        # inside a text that names other places, spaCy's PERSON/ORG still vetoes an alias
        if focus is None or (home and m.label not in ("PERSON", "ORG")):
            return True
    if cued or m.cues.contained_by >= 0:
        return home or primary  # "near Pond": a cue does not make an alias abroad plausible
    spelling = loose(m.text) == loose(e.name)  # "Kamenka-Dniprovska": another romanisation
    if m.label in ("GPE", "LOC", "FAC"):
        return exact or home or (spelling and focus is None)
    if m.label in ("PERSON", "ORG") and m.cues.locative and home and exact:
        return True  # "In Petit-Goave, …", "a police station in Kagara": used as a place at home
    if m.label in ("PERSON", "ORG") and m.cues.site_after and primary:
        return True  # "at the Spin Boldak crossing": a town's own name before a site's word
    if m.label in ("PERSON", "ORG") and m.cues.locative and focus is None and primary:
        # a note that names no other place: "wounded three civilians in Agbele", "in X" by
        # its own name is a place (an alias or a hamlet is not enough)
        return e.population >= PLAIN_MIN_POP or e.kind in ("village", "admin2")
    if m.label in ("PERSON", "ORG"):
        # spaCy tags Bucha PERSON and Mariupol ORG, but also "Xinhua", "Steele"
        if not primary and not (spelling and m.label == "ORG" and (home or focus is None)):
            return False
        # surnames come out PERSON; a bare town name tagged ORG is mostly spaCy's mistake
        least = PERSON_MIN_POP if m.label == "PERSON" else PERSON_MIN_POP // 5
        return (
            e.population >= least
            or (home and e.population >= PLAIN_MIN_POP)
            or (home and e.kind in ("village", "district") and m.label == "ORG")
        )
    if not home and not primary:
        return False  # an alternate or loose name of a place abroad ("Dima", "Oudshoorn")
    return e.population >= PLAIN_MIN_POP or home
