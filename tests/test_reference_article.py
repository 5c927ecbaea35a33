"""The reference article (../shared/corpus) yields the events it was conceived on (issue 2, item 1)."""

from __future__ import annotations

import json
import math
from datetime import date

import pytest

ARTICLE = "corpus/articles/000_1f5c841166c9d954"


def km(lat1, lon1, lat2, lon2):
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(a))


@pytest.fixture(scope="module")
def article(shared_dir):
    text = (shared_dir / f"{ARTICLE}.txt").read_text("utf-8")
    meta = json.loads((shared_dir / f"{ARTICLE}.json").read_text("utf-8"))
    return text, meta


@pytest.fixture(scope="module")
def events(article):
    from eventwire import extract

    text, meta = article
    return text, extract(
        text, published=date.fromisoformat(meta["published"]), source=meta["source"]
    )


def about(events, keyword):
    """The events read from the sentence that holds `keyword`."""
    text, found = events
    at = text.index(keyword)
    start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    end = min(x for x in (text.find(". ", at), text.find("\n", at), len(text)) if x != -1)
    hits = [
        e
        for e in found
        if any(start <= ev.start < end + 1 and ev.field == "event_type" for ev in e.evidence)
    ]
    assert hits, f"no event read from the sentence with {keyword!r}"
    return hits


def near(e, lat, lon, limit):
    return e.latitude is not None and km(e.latitude, e.longitude, lat, lon) <= limit


KYIV = (50.45, 30.52)


@pytest.mark.parametrize(
    ("keyword", "sub_event_type", "where", "limit", "day", "fatalities"),
    [
        ("Obolonskyi", "Shelling/artillery/missile attack", KYIV, 20, "2022-03-14", 2),
        ("aircraft factory", "Shelling/artillery/missile attack", KYIV, 20, "2022-03-14", 2),
        ("Ukrainian checkpoint", "Air/drone strike", KYIV, 20, "2022-03-14", 1),
        ("TV tower", "Shelling/artillery/missile attack", (50.62, 26.25), 40, "2022-03-14", 9),
        (
            "ballistic missile",
            "Shelling/artillery/missile attack",
            (48.0, 37.8),
            20,
            "2022-03-14",
            20,
        ),
        (
            "military training base",
            "Shelling/artillery/missile attack",
            (49.95, 23.38),
            150,
            "2022-03-13",
            35,
        ),
    ],
)
def test_strikes(events, keyword, sub_event_type, where, limit, day, fatalities):
    hits = about(events, keyword)
    e = hits[0]
    assert e.event_type == "Explosions/Remote violence"
    assert e.sub_event_type == sub_event_type
    assert near(e, *where, limit), (e.location, e.latitude, e.longitude)
    assert e.country == "Ukraine"
    assert e.event_date == day
    assert e.fatalities == fatalities


def test_antopol_is_in_ukraine_not_belarus(events):
    e = about(events, "TV tower")[0]
    assert e.country == "Ukraine" and e.claimed_by and "governor" in e.claimed_by


def test_unverified_russian_claim(events):
    e = about(events, "ballistic missile")[0]
    assert e.verified is False
    assert e.claimed_by and "Russian military" in e.claimed_by
    assert e.actor1 and "Ukraine" in e.actor1


def test_emergency_agency_claim(events):
    e = about(events, "Ukrainian checkpoint")[0]
    assert e.claimed_by and "emergency agency" in e.claimed_by


def test_brovary_councilor(events):
    e = about(events, "Brovary")[0]
    assert near(e, 50.51, 30.79, 10) and e.fatalities == 1 and e.event_date == "2022-03-14"


def test_mariupol_convoy(events):
    e = about(events, "convoy of 160")[0]
    assert e.event_type == "Strategic developments" and e.plover == "AID"
    assert near(e, 47.10, 37.55, 20) and e.fatalities is None


def test_talks_by_videoconference(events):
    e = about(events, "fourth round")[0]
    assert e.event_type == "Strategic developments" and e.plover == "CONSULT"
    assert e.event_date == "2022-03-14" and e.country == "Ukraine"


def test_no_aggregate_is_a_toll(events):
    _, found = events
    tolls = {e.fatalities for e in found} | {e.injuries for e in found}
    assert not tolls & {596, 900, 160, 2_800_000, 430_000}


def test_every_event_has_evidence_for_its_fields(events):
    text, found = events
    for e in found:
        fields = {ev.field for ev in e.evidence}
        assert "event_type" in fields
        if e.fatalities is not None:
            assert "fatalities" in fields
        for ev in e.evidence:
            assert text[ev.start : ev.end] == ev.text


def test_dataframe_of_the_reference_article_is_typed(events):
    """Issue 14, floor 1: the tolls sum, the dates are dates."""
    from eventwire import to_dataframe

    _, found = events
    df = to_dataframe(found)
    assert str(df.dtypes["event_date"]).startswith("datetime64")
    for name in ("fatalities", "injuries", "fatalities_min", "injuries_min"):
        assert str(df.dtypes[name]) == "Int64", name
    assert str(df.dtypes["civilian_targeting"]) == "boolean"
    assert df.dtypes["latitude"] == "float64"
    fatalities, injuries = df["fatalities"].sum(), df["injuries"].sum()
    assert fatalities == sum(e.fatalities or 0 for e in found) and fatalities > 0
    assert injuries == sum(e.injuries or 0 for e in found)  # the story gives none: 0, no TypeError
    assert set(df["event_date"].dt.strftime("%Y-%m-%d").dropna()) == {
        e.event_date for e in found if e.event_date
    }


def test_ingest_of_the_folder_dates_it_from_the_sidecar(shared_dir, tmp_path):
    """Issue 14, floor 2: no --published; the sidecar gives the day and the outlet."""
    from click.testing import CliRunner

    from eventwire.cli import main
    from eventwire.store import open_store

    db = str(tmp_path / "ref.sqlite")
    folder = shared_dir / "corpus" / "articles"
    result = CliRunner().invoke(main, ["ingest", str(folder), "--db", db])
    assert result.exit_code == 0, result.output
    assert "no publication date" not in result.output
    with open_store(db) as store:
        text = (folder / "000_1f5c841166c9d954.txt").read_text("utf-8")
        (article,) = [a for a in store.articles() if a.text.strip() == text.strip()]
        found = [e for e in store.events() if e.article_id == article.article_id]
    assert article.published == date(2022, 3, 14)
    assert article.source == "Associated Press"
    assert article.title and article.title.startswith("Russia pressures")
    assert found and all(e.sources == ["Associated Press"] for e in found)
    assert all(e.article == str(folder / "000_1f5c841166c9d954.txt") for e in found)
    assert all(e.event_date for e in found)
    days = [e.event_date for e in found]
    assert days.count("2022-03-14") > len(days) / 2  # 'Monday' is the day of publication
