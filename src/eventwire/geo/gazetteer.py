"""The gazetteer index in memory: load it once (building it if missing) and look names up."""

from __future__ import annotations

import gc
import pickle
import time
from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, overload

from eventwire.geo.build import FORMAT_VERSION, INDEX_PATH, build
from eventwire.geo.names import fold, key_hash, loose


@dataclass(frozen=True)
class Entry:
    """One gazetteer entry: a city, village, district, first-level division or country."""

    id: int
    name: str
    latitude: float
    longitude: float
    country_code: str
    admin1_code: str
    population: int
    geonameid: int | None
    kind: str
    precision: int
    note: str


_FOUND_KEYS = 200_000  # the most keys a table remembers having looked up


class NameTable:
    """Name keys -> entry ids, as packed by `eventwire.geo.build.pack_names`: the keys' hashes
    sorted (int64), each key's ids in one array, and where each key's ids start.

    Three byte strings instead of a dict of 670k keys: loading them is a copy, not the making
    of millions of objects (a dict of the same keys took 0.25 s to unpickle per table). A
    lookup is a binary search over the hashes (63 bits: no two of the index's keys share one).
    """

    def __init__(self, packed: dict[str, bytes]) -> None:
        self._hashes = memoryview(packed["hashes"]).cast("q")
        self._starts = memoryview(packed["starts"]).cast("i")
        self._ids = memoryview(packed["ids"]).cast("i")
        self._found: dict[str, int] = {}  # key -> its row, for keys looked up already

    def __len__(self) -> int:
        return len(self._hashes)

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self._find(key) >= 0

    def _find(self, key: str) -> int:
        """The key's row, or -1. A key is looked up once (its hash, a binary search over the
        memoryview): an article asks for the same names again and again (the recogniser
        tries each run of capitalised words, then the resolver and the scorer look it up)."""
        found = self._found.get(key)
        if found is None:
            h = key_hash(key)
            k = bisect_left(self._hashes, h)
            found = k if k < len(self._hashes) and self._hashes[k] == h else -1
            if len(self._found) >= _FOUND_KEYS:
                self._found.clear()  # a long run's memory stays bounded
            self._found[key] = found
        return found

    def get(self, key: str) -> tuple[int, ...] | None:
        """The ids of the entries filed under `key`, or None."""
        k = self._find(key)
        if k < 0:
            return None
        return tuple(self._ids[self._starts[k] : self._starts[k + 1]])


class _Coded(Sequence[Any]):
    """A column of few distinct values: each entry's code into them."""

    def __init__(self, values: list[Any], codes: bytes) -> None:
        self._values = values
        self._codes = memoryview(codes).cast("i")

    def __len__(self) -> int:
        return len(self._codes)

    @overload
    def __getitem__(self, i: int) -> Any: ...
    @overload
    def __getitem__(self, i: slice) -> list[Any]: ...
    def __getitem__(self, i: int | slice) -> Any:
        if isinstance(i, slice):
            return [self._values[c] for c in self._codes[i]]
        return self._values[self._codes[i]]

    def __iter__(self) -> Iterator[Any]:
        return map(self._values.__getitem__, self._codes)


class _Joined(Sequence[str]):
    """A column of names kept as one string and where each name ends."""

    def __init__(self, text: str, ends: bytes) -> None:
        self._text = text
        self._ends = memoryview(ends).cast("i")

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, i: int) -> str: ...
    @overload
    def __getitem__(self, i: slice) -> list[str]: ...
    def __getitem__(self, i: int | slice) -> str | list[str]:
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        return self._text[self._ends[i - 1] if i else 0 : self._ends[i]]


def unpack_columns(packed: dict[str, tuple[Any, ...]]) -> dict[str, Sequence[Any]]:
    """The entry columns as `eventwire.geo.build.pack_columns` packed them, read in place:
    loading the index copies a few byte strings instead of making three million objects
    (unpickling the columns as lists took 0.27 s, most of the index's load)."""
    cols: dict[str, Sequence[Any]] = {}
    for key, (form, *data) in packed.items():
        if form == "joined":
            cols[key] = _Joined(*data)
        elif form == "coded":
            cols[key] = _Coded(*data)
        else:
            cols[key] = memoryview(data[0]).cast(form)
    return cols


class Gazetteer:
    """Name lookups over the index built by `eventwire.geo.build`."""

    def __init__(self, index: dict[str, Any], load_seconds: float = 0.0) -> None:
        self.cols = unpack_columns(index["cols"])
        self.exact = NameTable(index["exact"])
        self.loose_keys = NameTable(index["loose"])
        self.admin1_ids: dict[str, int] = index["admin1"]
        self.country_ids: dict[str, int] = index["countries"]
        self.demonyms: dict[str, int] = index["demonyms"]
        self.lower_ok: frozenset[str] = frozenset(index["lower_ok"])
        self.capitals: dict[int, str] = index["capitals"]  # GeoNames id -> country (ISO2)
        # countries that are one city -> the city's entry (build._city_states)
        self.city_state_ids: dict[str, int] = index["city_states"]
        self.load_seconds = load_seconds
        self._entries: dict[int, Entry] = {}
        self._capital_ids: dict[str, int] | None = None

    def entry(self, i: int) -> Entry:
        """The entry with id `i`."""
        found = self._entries.get(i)
        if found is None:
            c = self.cols
            found = Entry(
                i,
                c["name"][i],
                c["lat"][i],
                c["lon"][i],
                c["cc"][i],
                c["adm1"][i] or "",
                c["pop"][i],
                c["gid"][i] or None,
                c["kind"][i],
                c["prec"][i],
                c["note"][i] or "",
            )
            self._entries[i] = found
        return found

    def has_name(self, text: str) -> bool:
        """Whether some entry is known under this name (folded or loose)."""
        return fold(text) in self.exact or loose(text) in self.loose_keys

    def is_country_name(self, text: str) -> bool:
        """Whether this is a name of a country."""
        return any(self.cols["kind"][i] == "country" for i in _ids(self.exact.get(fold(text))))

    def lookup(self, text: str) -> tuple[list[Entry], list[Entry]]:
        """Entries named exactly `text` (folded), and those that match only loosely."""
        exact = _ids(self.exact.get(fold(text)))
        seen = set(exact)
        rest = [i for i in _ids(self.loose_keys.get(loose(text))) if i not in seen]
        return [self.entry(i) for i in exact], [self.entry(i) for i in rest]

    def country(self, iso2: str) -> Entry | None:
        """The entry of a whole country."""
        i = self.country_ids.get(iso2)
        return None if i is None else self.entry(i)

    def admin1(self, country_code: str, admin1_code: str) -> Entry | None:
        """The entry of a first-level division by its GeoNames codes."""
        i = self.admin1_ids.get(f"{country_code}.{admin1_code}")
        return None if i is None else self.entry(i)

    def capital_of(self, geonameid: int | None) -> str | None:
        """The country (ISO2) whose national capital the place with this GeoNames id is."""
        return None if geonameid is None else self.capitals.get(geonameid)

    def capital(self, iso2: str) -> Entry | None:
        """The national capital of `iso2` (its city entry), if the gazetteer has it."""
        if self._capital_ids is None:
            gids = self.cols["gid"]
            self._capital_ids = {
                self.capitals[g]: i
                for i, g in enumerate(gids)
                if g in self.capitals and self.cols["kind"][i] == "city"
            }
        i = self._capital_ids.get(iso2)
        return None if i is None else self.entry(i)

    def city_state(self, iso2: str) -> Entry | None:
        """The city a city-state's name means ("Singapore", "Hong Kong", "Monaco"), if `iso2`
        is one: its capital, the country's whole land within about 25 km of it."""
        i = self.city_state_ids.get(iso2)
        return None if i is None else self.entry(i)

    def names_capital(self, text: str, iso2: str | None) -> bool:
        """Whether `text` is a name of the national capital of `iso2` ("Kiev" for UA)."""
        exact, rest = self.lookup(text)
        return any(self.capital_of(e.geonameid) == iso2 for e in exact + rest if e.kind == "city")

    def demonym(self, text: str) -> int | None:
        """The entry of the country (or continent) an adjective refers to ("Turkish" -> Turkey)."""
        return self.demonyms.get(fold(text))

    def largest(self, text: str) -> Entry | None:
        """The most populous entry named exactly `text`, countries and divisions first."""
        ids = _ids(self.exact.get(fold(text)))
        if not ids:
            return None
        rank = {"country": 2, "continent": 2, "admin1": 1}
        return self.entry(
            max(ids, key=lambda i: (rank.get(self.cols["kind"][i], 0), self.cols["pop"][i] or 0))
        )


def _ids(value: tuple[int, ...] | None) -> tuple[int, ...]:
    return () if value is None else value


def load_index(path: Path = INDEX_PATH) -> Gazetteer:
    """Load the index from `path`, building it first if it is missing or stale."""
    if not path.exists():
        build(path)
    started = time.perf_counter()
    enabled = gc.isenabled()
    gc.disable()  # millions of small objects: collecting while unpickling them doubles the time
    try:
        with open(path, "rb") as handle:
            index = pickle.load(handle)
        if index.get("version") != FORMAT_VERSION:
            index = build(path)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()  # the index lives as long as the process: keep it out of later collections
    return Gazetteer(index, time.perf_counter() - started)


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The gazetteer, loaded once per process."""
    return load_index()
