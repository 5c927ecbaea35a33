import csv
import io
import json

import pytest

from events import make_event
from eventwire.export import (
    ACLED_COLUMNS,
    events_to_string,
    inter_code,
    to_dataframe,
    write_csv,
)
from eventwire.model import Evidence

TAXONOMY_ORDER = (
    "event_id_cnty, event_date, year, time_precision, disorder_type, event_type, "
    "sub_event_type, actor1, assoc_actor_1, inter1, actor2, assoc_actor_2, inter2, "
    "interaction, civilian_targeting, iso, region, country, admin1, admin2, admin3, "
    "location, latitude, longitude, geo_precision, source, source_scale, notes, "
    "fatalities, tags, timestamp"
)


def event(**over):
    """An air strike on Kharkiv with 3 injured, as the export tests expect it."""
    base = dict(
        event_id="ew-1",
        article_id="a1",
        event_date="2024-05-02",
        sub_event_type="Air/drone strike",
        actor1="Military Forces of Russia (2000-) Air Force",
        latitude=49.98,
        longitude=36.25,
        fatalities=None,
        injuries=3,
        claimed_by="the regional governor",
        sources=["Wire"],
        notes="On 2 May 2024, …",
        evidence=[Evidence("injuries", "a1", 0, 5, "three", "x")],
        confidence=0.8,
    )
    base.update(over)
    return make_event(**base)


def test_acled_columns_are_acled_order():
    assert ", ".join(ACLED_COLUMNS) == TAXONOMY_ORDER


def test_csv_row_in_acled_terms():
    buf = io.StringIO()
    write_csv([event()], buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    row = rows[0]
    assert list(row)[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert row["disorder_type"] == "Political violence"
    assert row["civilian_targeting"] == "Civilian targeting"
    assert row["iso"] == "804"
    assert row["inter1"] == "1" and row["inter2"] == "7" and row["interaction"] == "17"
    assert row["fatalities"] == "0"  # ACLED writes 0 for unknown; eventwire keeps null
    assert row["injuries"] == "3" and row["year"] == "2024"


def test_interaction_codes():
    assert inter_code("Protesters (Benin)") == 6
    assert inter_code("Rioters (Benin)") == 5
    assert inter_code("Ketou Communal Militia (Benin)") == 4
    assert inter_code("Unidentified Military Forces") == 8
    assert inter_code(None) == ""


def test_geojson_is_a_feature_collection_with_lon_lat():
    data = json.loads(
        events_to_string(
            [event(), event(event_id="ew-2", latitude=None, longitude=None)], "geojson"
        )
    )
    assert data["type"] == "FeatureCollection"
    assert data["features"][0]["geometry"]["coordinates"] == [36.25, 49.98]
    assert data["features"][1]["geometry"] is None
    assert data["features"][0]["properties"]["evidence"][0]["text"] == "three"


def test_jsonl_round_trips():
    line = events_to_string([event()], "jsonl").strip()
    assert json.loads(line)["event_id"] == "ew-1"


def test_table_shows_unverified_claims():
    out = events_to_string([event(verified=False)], "table")
    assert "UNVERIFIED" in out and "the regional governor" in out


def test_dataframe():
    df = to_dataframe([event(), event(event_id="ew-2")])
    assert list(df.columns[: len(ACLED_COLUMNS)]) == list(ACLED_COLUMNS)
    assert len(df) == 2


def test_dataframe_columns_are_typed():
    df = to_dataframe(
        [
            event(fatalities=2, verified=False),
            event(event_id="ew-2", event_date=None, injuries=None, latitude=None, longitude=None),
        ]
    )
    assert str(df["event_date"].dtype).startswith("datetime64")
    assert df["event_date"].iloc[0].year == 2024 and df["event_date"].isna().iloc[1]
    for name in ("fatalities", "injuries", "fatalities_min", "injuries_min", "year"):
        assert str(df[name].dtype) == "Int64", name
    assert str(df["civilian_targeting"].dtype) == "boolean"
    assert str(df["verified"].dtype) == "boolean"
    assert not df["verified"].iloc[0]
    assert df["verified"].isna().iloc[1]  # not said is not False
    assert df["latitude"].dtype == "float64" and df["latitude"].isna().iloc[1]
    # no figure is <NA>, not ACLED's 0, and sums skip it
    assert int(df["fatalities"].sum()) == 2 and df["fatalities"].isna().iloc[1]
    assert int(df["injuries"].sum()) == 3


def test_empty_dataframe_is_typed():
    df = to_dataframe([])
    assert len(df) == 0 and str(df["fatalities"].dtype) == "Int64"
    assert str(df["event_date"].dtype).startswith("datetime64")


def test_parquet_keeps_the_types(tmp_path):
    pytest.importorskip("pyarrow")
    import pandas as pd

    from eventwire.export import write_parquet

    path = tmp_path / "events.parquet"
    write_parquet([event(fatalities=2), event(event_id="ew-2", event_date=None)], str(path))
    back = pd.read_parquet(path)
    df = to_dataframe([event(fatalities=2), event(event_id="ew-2", event_date=None)])
    for name in ("event_date", "fatalities", "injuries", "verified", "latitude"):
        assert back[name].dtype == df[name].dtype, name
    assert back["injuries"].tolist() == [3, 3]


def test_geodataframe_has_points():
    pytest.importorskip("geopandas")
    from eventwire.export import to_geodataframe

    gdf = to_geodataframe([event(), event(event_id="ew-2", latitude=None, longitude=None)])
    assert gdf.crs.to_epsg() == 4326
    assert (gdf.geometry.iloc[0].x, gdf.geometry.iloc[0].y) == (36.25, 49.98)
    assert gdf.geometry.iloc[1].is_empty


def test_to_dict_is_asdict() -> None:
    from dataclasses import asdict

    event = make_event(
        evidence=[Evidence("location", "a1", 0, 4, "Homs", "gazetteer")], sources=["Wire"]
    )
    data = event.to_dict()
    assert data == asdict(event)
    data["sources"].append("Other")
    data["evidence"][0]["text"] = "changed"
    assert event.sources == ["Wire"] and event.evidence[0].text == "Homs"  # a copy
