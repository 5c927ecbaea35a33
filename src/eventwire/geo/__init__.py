"""The geoparser: every place an article names, resolved to a point (`load_geoparser().places`)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from eventwire.geo.build import read_tsv
from eventwire.geo.gazetteer import Entry, Gazetteer, load_gazetteer
from eventwire.geo.introduced import with_introduced
from eventwire.geo.names import fold
from eventwire.geo.recognise import Toponym, find_toponyms
from eventwire.geo.resolve import (
    REGION_WORDS,
    Choice,
    Context,
    candidates,
    choose,
    km,
    within,
)
from eventwire.model import Place
from eventwire.nlp import doc_text

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Geoparser", "load_geoparser"]


_KIND = {
    "city": "city",
    "village": "city",
    "district": "district",
    "admin2": "district",
    "admin1": "admin1",
    "country": "country",
    "continent": "region",
}


# The votes the outlet's home country gets: under a dateline's 3, over one named place's 1.
HOME_VOTES = 2.0
# How far from a city a place the text names as its part ("London's Heathrow") may lie and
# keep its own point: an airport or a suburb, not a namesake abroad.
PART_KM = 50.0


class Geoparser:
    """Finds and resolves the toponyms of parsed articles against the gazetteer."""

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        self._parts: dict[tuple[str, tuple[float, float]], Entry | None] = {}
        self._frames: dict[str, tuple[float, float, float, float] | None] = {}
        self._by_country: dict[str, list[int]] | None = None
        self._seats: dict[str, tuple[Entry, str] | None] = {}

    # -- the interface the extraction core uses -------------------------------------------
    def places(self, doc: Doc, home: str | None = None) -> list[Place]:
        """Every place the article names, resolved with the whole article as context.

        `home`: the ISO2 country the outlet is at home in (`eventwire.geo.outlet`), which
        votes for its homonyms as a dateline does: a UK paper's "Edmonton" is London's."""
        try:
            return self._places(doc, home)
        except Exception:  # one odd text never breaks a batch: no places rather than a crash
            return []

    def references(self, doc: Doc, places: list[Place]) -> list[Place]:
        """Places the text refers to without naming them: "the capital" (of the article's
        country), "the Sudanese capital", "the country's capital". Not toponyms (the
        geoparser's `places` and its scores leave them out), but sites events can have."""
        out = []
        focus = self.focus_country(places)
        for t in doc:
            if t.lower_ != "capital" or t.i == 0:
                continue
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and (nxt.lower_ in ("of", "city") or _capitalised_name(nxt)):
                continue  # "the capital of Mali", "the capital Kinshasa": a name follows
            if nxt is not None and nxt.text == "," and t.i + 2 < len(doc):
                if _capitalised_name(doc[t.i + 2]) and any(
                    p.start == doc[t.i + 2].idx for p in places
                ):
                    continue  # "the capital, Mogadishu,"
            start, iso2 = _capital_phrase(doc, t.i, self.gazetteer, focus, places)
            if start is None or iso2 is None:
                continue
            entry = self.gazetteer.capital(iso2)
            if entry is None:
                continue
            text = doc_text(doc)[doc[start].idx : t.idx + len(t.text)]
            reason = f"'{text}' → {entry.name}, the capital of {iso2}"
            out.append(
                self._place(entry, doc[start].idx, t.idx + len(t.text), text, "city", 1, reason, ())
            )
        return out

    def focus_country(self, places: list[Place]) -> str | None:
        """ISO2 of the article's main country: the most named, datelines and regions counting more."""
        votes: Counter[str] = Counter()  # float weights

        for p in places:
            if p.country_code:
                votes[p.country_code] += 1 if p.kind == "demonym" else 4
        best = votes.most_common(1)
        return best[0][0] if best else None

    def country_place(self, iso2: str) -> Place | None:
        """A Place for a whole country (geo_precision 3), not tied to a span, at its capital.

        TAXONOMY.md (ACLED's geo_precision 3): an event known only to a larger region is
        "coded to its capital or centre"; a country's is its national capital (GeoNames's),
        its own point where the gazetteer knows none."""
        entry = self.gazetteer.country(iso2)
        if entry is None:
            return None
        place = self._place(
            entry, -1, -1, entry.name, "country", 3, f"the country {entry.name}", ()
        )
        return self._at_capital(place) or place

    def region_place(self, name: str, iso2: str | None) -> Place | None:
        """A first-level division by name ("Kharkiv", "Donetsk oblast"), geo_precision 3."""
        words = fold(name).split()
        while words and words[-1] in ("oblast", "region", "province", "state", "department"):
            words.pop()
        if not words:
            return None
        exact, rest = self.gazetteer.lookup(" ".join(words))
        found = [
            e
            for e in exact + rest
            if e.kind == "admin1" and (iso2 is None or e.country_code == iso2)
        ]
        if not found:
            return None
        entry = max(found, key=lambda e: e.population)
        return self._place(entry, -1, -1, name, "admin1", 3, f"the region {entry.name}", ())

    def seat_place(self, place: Place) -> Place | None:
        """A region's Place moved to its seat: how ACLED and UCDP code an event known only to a region.

        ACLED's codebook: an event located only to a region is "coded to its capital or centre"
        (geo_precision 3). The seat is the region's namesake city ("Kharkiv region" → Kharkiv),
        else its most populous cities500 place. A region of data/region_names.tsv (a breakaway
        entity, "the Donbas") sits at the seat that file gives, the most populous one if
        several. A country sits at its national capital. None for places that are no region,
        and continents.
        """
        if place.kind == "country" and place.country_code:
            return self._at_capital(place)
        if place.kind not in ("admin1", "region") or not place.country_code:
            return None
        named = self._named_region_seat(place)
        if named is not None or not place.admin1:
            return named
        if place.kind == "region" and place.name != place.admin1:
            return None  # "northern Benin": a part of a country, already at its largest city
        code = self._admin1_code(place.country_code, place.admin1)
        if code is None:
            return None
        found = self._seat(place.country_code, code)
        if found is None:
            return None
        seat, how = found
        return _at_seat(place, seat, f"coded at the region's seat {seat.name} ({how})")

    # -- internals --------------------------------------------------------------------------
    def _at_capital(self, place: Place) -> Place | None:
        """A country's Place at its national capital's point (geo_precision 3), if known."""
        capital = self.gazetteer.capital(place.country_code or "")
        if capital is None:
            return None
        why = f"known only to the country: coded at its capital {capital.name}"
        return _at_seat(place, capital, why)

    def _named_region_seat(self, place: Place) -> Place | None:
        """A region of data/region_names.tsv at its seat (the largest of its seat cities)."""
        seats = _region_seats().get((fold(place.name), place.country_code or ""))
        if not seats:
            return None
        found = []
        for seat in seats:
            exact, _ = self.gazetteer.lookup(seat)
            found += [e for e in exact if e.kind == "city" and e.country_code == place.country_code]
        if not found:
            return None
        largest = max(found, key=lambda e: e.population)
        how = " (the largest of its seats)" if len(seats) > 1 else ""
        return _at_seat(place, largest, f"coded at the region's seat {largest.name}{how}")

    def _places(self, doc: Doc, home: str | None = None) -> list[Place]:
        gaz = self.gazetteer
        mentions = find_toponyms(doc, gaz)
        if not mentions:
            return []
        ctx = Context(defaultdict(float), Counter(), [], self._frame)
        first = [choose(gaz, m, k, None, None) for k, m in enumerate(mentions)]
        for k, (m, c) in enumerate(zip(mentions, first, strict=True)):
            if c is None or m.cues.part_of >= 0:
                continue  # "London's Heathrow": the part says no more than its city does
            # "Russian forces" says little about where: adjectives vote a quarter
            weight = 3.0 if m.cues.dateline else 0.25 if m.demonym >= 0 else 1.0
            if c.entry.kind in ("country", "admin1") and m.demonym < 0:
                weight *= 1.5  # a named country or region is rarely a homonym
            elif any(a.country_code != c.entry.country_code for a in c.alternatives):
                weight *= 0.5  # homonyms abroad: a weaker vote
            if c.entry.country_code and m.demonym >= 0:
                ctx.adjectives.add(c.entry.country_code)
            elif c.entry.country_code and c.entry.kind in ("country", "admin1"):
                ctx.named.add(c.entry.country_code)
            if c.entry.country_code:
                ctx.countries[c.entry.country_code] += weight
                cc, votes = ctx.name_votes.get(fold(m.text), (c.entry.country_code, 0.0))
                ctx.name_votes[fold(m.text)] = (cc, votes + weight)
            if c.entry.kind == "admin1":
                ctx.regions[f"{c.entry.country_code}.{c.entry.admin1_code}"] += 2
            # a country's point is no place near the others: Ukraine's lies by Novoukrainka;
            # a dateline's town is one the story is sure of, homonyms or not ("HARTFORD —")
            if c.entry.kind in ("city", "village", "district", "admin2") and m.demonym < 0:
                ctx.towns.append((k, c.entry.latitude, c.entry.longitude))
            sure = c.alternatives == [] or (m.cues.dateline and c.entry.kind == "city")
            if sure and c.entry.kind != "country":
                ctx.anchors.append((k, c.entry.latitude, c.entry.longitude, fold(m.text)))
        if home and self.gazetteer.country(home) is not None:
            ctx.countries[home] += HOME_VOTES
            ctx.home = home
        # containers first ("Zvanivka, Donetsk": Donetsk the oblast), then everything with context
        chosen: list[Choice | None] = [None] * len(mentions)
        located: dict[str, Choice] = {}  # names the text placed in their region ("X, Ky.")
        # ... and the places that locate others ("Semihatka/Henichesk": Henichesk)
        order = sorted(
            range(len(mentions)),
            key=lambda k: mentions[k].cues.container_of < 0 and mentions[k].cues.anchor_of < 0,
        )
        for k in order:
            m = mentions[k]
            container = near = None
            outer = chosen[m.cues.contained_by] if m.cues.contained_by >= 0 else None
            if outer is None and m.cues.near_to >= 0:
                anchor = chosen[m.cues.near_to]
                if anchor is not None and anchor.entry.kind in ("country", "admin1"):
                    outer = anchor  # "Quetta/Balochistan": in the region
                elif anchor is not None and anchor.entry.kind != "continent":
                    near = anchor.entry
            if outer is not None and outer.entry.kind in ("country", "admin1"):
                container = outer.entry
            elif outer is not None and outer.entry.kind == "city" and m.cues.district_after:
                container = outer.entry  # "Desnyanskyi district of Kiev": a part of that city
            if container is not None and m.cues.settlement:
                own = candidates(gaz, m)[0]
                if not any(within(e, container) for e in own):
                    container = None  # "the Red Sea port of Hodeidah": the sea, not a state
            inner = None
            if m.cues.container_of >= 0:  # "Kétou, Plateau": a Plateau that holds a Kétou
                inner = candidates(gaz, mentions[m.cues.container_of])[0]
            choice = chosen[k] = choose(gaz, m, k, ctx, container, inner, near)
            if container is not None and container.kind == "admin1" and choice is not None:
                located[fold(m.text)] = choice
        _one_sense(mentions, chosen, located)
        _short_forms(gaz, mentions, chosen)
        places = []
        last_city: Entry | None = None
        parts: dict[str, Entry] = {}  # the names made parts of a city, and the city
        for m, c in zip(mentions, chosen, strict=True):
            owner = chosen[m.cues.part_of] if m.cues.part_of >= 0 else None
            how = "named with its possessive"
            if owner is None and m.cues.district_of and m.cues.contained_by >= 0:
                # "the El Paraiso neighbourhood of Ventanas": a part of that city, whatever
                # far place the part's own name also names
                owner, how = chosen[m.cues.contained_by], "a district of it"
            city = owner.entry if owner is not None else None
            before = parts.get(fold(m.text))
            if (
                city is None
                and before is not None
                and (c is None or c.entry.country_code != before.country_code)
            ):
                # "the Oktyabrsky district of Bishkek", then "the Oktyabrsky district court":
                # the same part, not a Russian town of that name (a town of the city's own
                # country keeps its reading: "the al-Amadiyah district of Duhok", then "in
                # al-Amadiyah", the district's town)
                city, how = before, "named a part of it before"
            if city is not None and city.kind == "city":
                part = self._part_of_city(m, c, city, how)
                if part is not None:
                    parts[fold(m.text)] = city
                    places.append(part)
                    continue
            place = self._to_place(m, c, last_city)
            if place is None:
                continue
            if c is not None and c.entry.kind == "city":
                last_city = c.entry
            places.append(place)
        places = with_introduced(doc_text(doc), places)
        return sorted(places, key=lambda p: p.start)

    def _part_of_city(
        self, m: Toponym, c: Choice | None, city: Entry, how: str = "named with its possessive"
    ) -> Place | None:
        """A name after a city's possessive ("Toronto's Pearson International Airport",
        "London's Heathrow"), or named its district ("the El Paraiso neighbourhood of
        Ventanas", "the Salah al-Din area of Tripoli"), at that city, near it (geo_precision
        2), unless the name's own place lies by the city already. A division of the city's
        country is no part of it ("Toronto's Ontario health-card holders"), and a known name
        with no reading of its own ("Newcastle's Wellcome Trust Centre") stays none."""
        if c is None and not m.cues.part_named:
            return None
        if c is not None and (
            c.entry.kind in ("country", "continent")
            # (a division abroad is a namesake: "the Salah al-Din area of Tripoli" is no
            # province of Iraq)
            or (c.entry.kind == "admin1" and c.entry.country_code == city.country_code)
        ):
            return None
        if (
            c is not None
            and km(c.entry.latitude, c.entry.longitude, city.latitude, city.longitude) <= PART_KM
        ):
            return None
        reason = f"'{m.text}' → a part of {city.name}, {city.country_code}, {how}"
        return self._place(city, m.start, m.end, m.text, "district", 2, reason, (), name=m.text)

    def _to_place(self, m: Toponym, c: Choice | None, last_city: Entry | None) -> Place | None:
        cues = m.cues
        if c is None:
            if cues.district_after and cues.of_city and last_city is not None:
                # "the city's northern X district": a part of the city named before
                return self._place(
                    last_city,
                    m.start,
                    m.end,
                    m.text,
                    "district",
                    2,
                    f"'{m.text} district' of {last_city.name}, named before",
                    (),
                )
            return None
        e = c.entry
        alts = tuple(_short(a) for a in c.alternatives)
        if cues.direction is not None and e.kind in ("country", "admin1"):
            part = self._part(e, cues.direction)
            if part is not None:
                start = m.start - len(cues.direction_word) - 1
                text = f"{cues.direction_word} {m.text}"
                return self._place(
                    part,
                    start,
                    m.end,
                    text,
                    "region",
                    3,
                    f"'{text}' → {part.name}, the largest city in that part of {e.name}",
                    alts,
                    name=text,
                )
        city = self.gazetteer.city_state(e.country_code) if e.kind == "country" else None
        if city is not None and (m.demonym < 0 or fold(m.text) in (fold(e.name), fold(city.name))):
            # "Singapore", "Hong Kong", "Monaco": the country is its one city, and the name
            # gives the city's point as precisely as any city's ("Singaporean" stays the state;
            # "Gibraltar", which countryinfo also lists as its people's word, is the name)
            reason = f"'{m.text}' → {city.name}, {e.country_code}, a city-state: its city"
            precision = 2 if cues.near else 1
            return self._place(city, m.start, m.end, m.text, "city", precision, reason, alts)
        precision = e.precision
        if cues.near and precision == 1:
            precision = 2
        if cues.district_after and e.kind != "district" and e.kind == "city":
            precision = max(precision, 2)
        kind = "demonym" if m.demonym >= 0 else _KIND.get(e.kind, "city")
        if m.demonym >= 0:
            precision = 3
        if cues.unit_named and kind == "city":
            # "Aqraba, Nablus governorate": a region named for its seat, a unit of no index,
            # stands at its seat's point (ACLED codes a region's event at its capital), no town
            kind, precision = "region", max(precision, 2)
        lead = (
            f"'{cues.near}'"
            if cues.near
            else (f"'the {cues.settlement} of'" if cues.settlement else f"'{m.text}'")
        )
        pop = f", pop. {_pop(e.population)}" if e.population and e.kind == "city" else ""
        over = f" over {c.homonyms} homonyms" if c.homonyms else ""
        because = f" ({c.why})" if c.why else ""
        note = f"; {e.note}" if e.kind in ("village", "district", "admin2") else ""
        reason = f"{lead} → {e.name}, {e.country_code}{pop}{over}{because}{note}"
        return self._place(e, m.start, m.end, m.text, kind, precision, reason, alts)

    def _place(
        self,
        e: Entry,
        start: int,
        end: int,
        text: str,
        kind: str,
        precision: int,
        reason: str,
        candidates: tuple[str, ...],
        name: str | None = None,
    ) -> Place:
        gaz = self.gazetteer
        country = gaz.country(e.country_code) if e.country_code else None
        admin1 = gaz.admin1(e.country_code, e.admin1_code) if e.kind != "country" else None
        return Place(
            start=start,
            end=end,
            text=text,
            name=name or e.name,
            latitude=e.latitude,
            longitude=e.longitude,
            country=country.name if country else None,
            country_code=e.country_code,
            admin1=admin1.name if admin1 else None,
            geonameid=e.geonameid,
            geo_precision=precision,
            kind=kind,
            reason=reason,
            candidates=candidates,
        )

    def _admin1_code(self, iso2: str, name: str) -> str | None:
        """The GeoNames admin1 code of a division of `iso2` called `name`."""
        exact, rest = self.gazetteer.lookup(name)
        for e in exact + rest:
            if e.kind == "admin1" and e.country_code == iso2 and e.admin1_code:
                division = self.gazetteer.admin1(iso2, e.admin1_code)
                if division is not None and division.name == name:
                    return e.admin1_code
        return None

    def _seat(self, iso2: str, code: str) -> tuple[Entry, str] | None:
        """A division's seat and how it was told: its namesake city, else its largest."""
        key = f"{iso2}.{code}"
        if key in self._seats:
            return self._seats[key]
        gaz = self.gazetteer
        cols = gaz.cols
        ids = _inliers(cols, [i for i in self._cities_of(iso2) if cols["adm1"][i] == code])
        found: tuple[Entry, str] | None = None
        division = gaz.admin1(iso2, code)
        if ids and division is not None:
            largest = max(ids, key=lambda i: cols["pop"][i])
            south, north = min(cols["lat"][i] for i in ids), max(cols["lat"][i] for i in ids)
            west, east = min(cols["lon"][i] for i in ids), max(cols["lon"][i] for i in ids)
            words = fold(division.name).split()
            while len(words) > 1 and words[-1] in REGION_WORDS:
                words.pop()
            exact, rest = gaz.lookup(" ".join(words))
            # the namesake is a real town of the region (not a hamlet that shares its name), or
            # a city of its own standing enclosed by it (Kyiv in Kyiv oblast)
            namesakes = [
                e
                for e in exact + rest
                if e.kind == "city"
                and e.country_code == iso2
                and e.population >= max(cols["pop"][largest] // 10, 1)
                and (
                    e.admin1_code == code
                    or (south <= e.latitude <= north and west <= e.longitude <= east)
                )
            ]
            if namesakes:
                found = (max(namesakes, key=lambda e: e.population), "its namesake city")
            else:
                found = (gaz.entry(largest), "its largest town")
        self._seats[key] = found
        return found

    def _cities_of(self, iso2: str) -> list[int]:
        """The cities500 entries of a country (all countries indexed on first use)."""
        if self._by_country is None:
            cols = self.gazetteer.cols
            by: dict[str, list[int]] = {}
            for i, (cc, kind) in enumerate(zip(cols["cc"], cols["kind"], strict=True)):
                if kind == "city":
                    by.setdefault(cc, []).append(i)
            self._by_country = by
        return self._by_country.get(iso2, [])

    def _frame(self, iso2: str) -> tuple[float, float, float, float] | None:
        """The extent of a country's places (2nd to 98th percentile): south, north, west, east."""
        if iso2 not in self._frames:
            cols = self.gazetteer.cols
            ids = self._cities_of(iso2)
            frame = None
            if len(ids) >= 10:
                lats = sorted(cols["lat"][i] for i in ids)
                lons = sorted(cols["lon"][i] for i in ids)
                cut = len(ids) // 50
                frame = (lats[cut], lats[-cut - 1], lons[cut], lons[-cut - 1])
            self._frames[iso2] = frame
        return self._frames[iso2]

    def _part(self, e: Entry, direction: tuple[float, float]) -> Entry | None:
        """The largest city in one part ("western") of a country or region."""
        key = (f"{e.country_code}.{e.admin1_code if e.kind == 'admin1' else ''}", direction)
        if key in self._parts:
            return self._parts[key]
        cols = self.gazetteer.cols
        ids = [
            i
            for i in self._cities_of(e.country_code)
            if e.kind == "country" or cols["adm1"][i] == e.admin1_code
        ]
        best = None
        if ids:
            lats = sorted(cols["lat"][i] for i in ids)
            lons = sorted(cols["lon"][i] for i in ids)
            lo_lat, hi_lat = lats[len(lats) // 50], lats[-len(lats) // 50 - 1]
            lo_lon, hi_lon = lons[len(lons) // 50], lons[-len(lons) // 50 - 1]
            dy, dx = direction

            def inside(i: int) -> bool:
                y = (cols["lat"][i] - lo_lat) / max(hi_lat - lo_lat, 1e-6) * 2 - 1
                x = (cols["lon"][i] - lo_lon) / max(hi_lon - lo_lon, 1e-6) * 2 - 1
                if dy == 0 and dx == 0:
                    return abs(x) < 0.34 and abs(y) < 0.34
                return x * dx + y * dy > 0.33

            part = [i for i in ids if inside(i)]
            if part:
                best = self.gazetteer.entry(max(part, key=lambda i: cols["pop"][i]))
        self._parts[key] = best
        return best


def _one_sense(
    mentions: list[Toponym], chosen: list[Choice | None], located: dict[str, Choice]
) -> None:
    """A name the text placed in its region once ("Edmonton, Ky.") means that place each
    time the text names it bare ("… of Edmonton, was found"): one sense per story."""
    for k, (m, c) in enumerate(zip(mentions, chosen, strict=True)):
        sure = located.get(fold(m.text))
        if sure is None or c is None or c.entry.id == sure.entry.id:
            continue
        if m.cues.contained_by >= 0 or m.cues.near_to >= 0 or m.demonym >= 0:
            continue  # placed by its own words
        if c.entry.kind not in ("city", "village", "district", "admin2"):
            continue
        why = f"named with its region before as {sure.entry.name}, {sure.entry.admin1_code}"
        chosen[k] = Choice(sure.entry, sure.score, c.alternatives, c.homonyms, why)


def _short_forms(gaz: Gazetteer, mentions: list[Toponym], chosen: list[Choice | None]) -> None:
    """A town named in full once ("San Antonio de los Banos") is the place its shortened repeat
    names ("… detained in San Antonio"): one sense per story, where the gazetteer knows the
    short name as one of the town's (not Texas's San Antonio, a world city, in a Havana
    story that names the United States). A short name that is a division's or a country's
    own ("New York" after "New York City") is no mere shortening."""
    full: dict[str, Choice] = {}
    for m, c in zip(mentions, chosen, strict=True):
        if c is not None and c.entry.kind in ("city", "village") and " " in fold(m.text):
            full.setdefault(fold(m.text), c)
    if not full:
        return
    for k, (m, c) in enumerate(zip(mentions, chosen, strict=True)):
        if m.demonym >= 0 or m.cues.contained_by >= 0 or m.cues.near_to >= 0:
            continue  # placed by its own words
        short = fold(m.text) + " "
        longer = [(name, x) for name, x in full.items() if name.startswith(short)]
        if not longer or (c is not None and any(c.entry.id == x.entry.id for _, x in longer)):
            continue
        name, sure = longer[0]
        own = candidates(gaz, m)[0]
        if not any(e.id == sure.entry.id for e in own):
            continue  # "Kansas" after "Kansas City": the state is no shortening of the city
        if any(e.kind in ("country", "admin1") and fold(e.name) == fold(m.text) for e in own):
            continue  # "New York" after "New York City" may be the state: left to the ranking
        before = [c.entry, *c.alternatives] if c is not None else []
        alternatives = [a for a in before if a.id != sure.entry.id][:3]
        why = f"a shortened repeat of '{name}', named in full"
        chosen[k] = Choice(sure.entry, sure.score, alternatives, 0, why)


def _inliers(cols: dict[str, Sequence[Any]], ids: list[int]) -> list[int]:
    """A region's places less those filed under it by mistake: far out from all the others.

    cities500 files Comé (Mono) under Collines and a town 300 km west of Donetsk oblast under
    it: a place more than three times the median distance (and 50 km) from the median point.
    """
    if len(ids) < 4:
        return ids
    lats = sorted(cols["lat"][i] for i in ids)
    lons = sorted(cols["lon"][i] for i in ids)
    mid_lat, mid_lon = lats[len(lats) // 2], lons[len(lons) // 2]
    dist = {i: km(cols["lat"][i], cols["lon"][i], mid_lat, mid_lon) for i in ids}
    limit = 3 * sorted(dist.values())[len(ids) // 2] + 50
    return [i for i in ids if dist[i] <= limit]


@lru_cache(maxsize=1)
def _region_seats() -> dict[tuple[str, str], list[str]]:
    """(folded name, country) -> seat cities, for the regions of data/region_names.tsv."""
    return {
        (fold(name), cc): [s.strip() for s in seats.split(",") if s.strip()]
        for name, cc, _code, seats in read_tsv("region_names.tsv")
    }


def _pop(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1e6:.1f}M"
    if n >= 1000:
        return f"{n // 1000}k"
    return str(n)


def _short(e: Entry) -> str:
    pop = f", pop. {_pop(e.population)}" if e.population else ""
    return f"{e.name}, {e.country_code}.{e.admin1_code} ({e.kind}{pop})"


def _capitalised_name(t: Token) -> bool:
    return t.text[:1].isupper() and t.pos_ == "PROPN"


def _capital_phrase(
    doc: Doc, i: int, gazetteer: Gazetteer, focus: str | None, places: list[Place]
) -> tuple[int | None, str | None]:
    """Where "the … capital" ending at token `i` starts, and whose capital it is: a demonym's
    country ("the Sudanese capital"), a country's ("Libya's capital"), else the article's
    ("the capital", "the country's capital")."""
    prev = doc[i - 1]
    if prev.text in ("'s", "’s") and i >= 2:
        owner = next((p for p in places if p.end == doc[i - 2].idx + len(doc[i - 2].text)), None)
        span = None if owner is None else doc.char_span(owner.start, owner.end, "expand")
        if owner is not None and owner.kind == "country" and span is not None:
            return span.start, owner.country_code
    if prev.lower_ == "the":
        return i - 1, focus
    if i >= 2 and doc[i - 2].lower_ == "the":
        demonym = gazetteer.demonym(prev.text) if prev.text[:1].isupper() else None
        if demonym is not None:
            return i - 2, gazetteer.entry(demonym).country_code or None
    if i >= 3 and doc[i - 3].lower_ == "the" and doc[i - 1].text in ("'s", "’s"):
        if doc[i - 2].lower_ in ("country", "nation"):
            return i - 3, focus
    return None, None


@lru_cache(maxsize=1)
def load_geoparser() -> Geoparser:
    """The geoparser, its index loaded once per process."""
    return Geoparser(load_gazetteer())


def _at_seat(place: Place, seat: Entry, why: str) -> Place:
    """A region-only or country-only place at its seat's or capital's point (geo_precision
    3), the reason saying so (`why`)."""
    return replace(
        place,
        latitude=seat.latitude,
        longitude=seat.longitude,
        geonameid=seat.geonameid,
        geo_precision=3,
        reason=f"{place.reason}; {why}",
    )
