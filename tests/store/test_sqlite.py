"""The SQLite store: idempotent articles, merging with per-source reports, queries, atomicity."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from events import make_event
from eventwire.model import Article, Event, Evidence
from eventwire.store import EventQuery, SQLiteStore, open_store


def _event(article: Article, **fields: object) -> Event:
    base = make_event(
        event_id="ew-" + article.article_id[:8],
        article_id=article.article_id,
        sources=[article.source] if article.source else [],
        notes="On 3 June 2025, Military Forces of Russia shelled Kharkiv.",
        evidence=[Evidence("event_date", article.article_id, 0, 9, "on Monday", "'on Monday'")],
        confidence=0.8,
    )
    return replace(base, **fields)  # type: ignore[arg-type]


A = Article(text="Russian missiles hit Kharkiv on Tuesday.", source="Kyiv Wire")
B = Article(text="A Russian missile struck Kharkiv on 3 June.", source="Eastern Daily")
C = Article(text="Russian artillery shelled Odesa on 10 June.", source="River News")


def test_an_article_is_stored_once(tmp_path: Path) -> None:
    with SQLiteStore(str(tmp_path / "s.sqlite")) as store:
        assert store.add_article(A, [_event(A)]).events_added == 1
        again = Article(text="  " + A.text + "\r\n", source="Other")  # same normalised text
        assert store.has_article(again.text)
        assert store.add_article(again, [_event(again)]).duplicate
        assert store.counts() == {"articles": 1, "events": 1, "reports": 1}


def test_reports_of_one_event_merge_and_keep_every_source(tmp_path: Path) -> None:
    with SQLiteStore(str(tmp_path / "s.sqlite")) as store:
        store.add_article(A, [_event(A, fatalities=5)])
        outcome = store.add_article(B, [_event(B, fatalities=3, claimed_by="officials")])
        assert (outcome.events_added, outcome.events_merged) == (0, 1)
        [event] = store.events()
        assert event.event_id == "ew-" + A.article_id[:8]  # stable: the first mention's id
        assert event.sources == ["Kyiv Wire", "Eastern Daily"]
        assert (event.fatalities, event.claimed_by) == (3, "officials")
        assert store.report_count(event.event_id) == 2
        reports = store.reports(event.event_id)
        assert [(r.source, r.fatalities, r.claimed_by) for r in reports] == [
            ("Kyiv Wire", 5, "the governor"),
            ("Eastern Daily", 3, "officials"),
        ]
        assert reports[1].evidence[0].article_id == B.article_id


def test_a_near_miss_is_a_second_event(tmp_path: Path) -> None:
    with SQLiteStore(str(tmp_path / "s.sqlite")) as store:
        store.add_article(A, [_event(A)])
        store.add_article(B, [_event(B, event_date="2025-06-05")])
        assert len(store.events()) == 2


def test_queries(tmp_path: Path) -> None:
    with SQLiteStore(str(tmp_path / "s.sqlite")) as store:
        store.add_article(A, [_event(A)])
        store.add_article(
            C,
            [
                _event(
                    C,
                    event_date="2025-06-10",
                    location="Odesa",
                    admin1="Odesa",
                    latitude=46.48572,
                    longitude=30.74383,
                    geonameid=698740,
                    actor1="Military Forces of Ukraine (2019-)",
                    sub_event_type="Air/drone strike",
                    notes="Drones over Odesa.",
                )
            ],
        )

        def locations(**q: object) -> list[str | None]:
            return [e.location for e in store.events(EventQuery(**q))]  # type: ignore[arg-type]

        assert locations() == ["Kharkiv", "Odesa"]
        assert locations(since=date(2025, 6, 4)) == ["Odesa"]
        assert locations(until=date(2025, 6, 3)) == ["Kharkiv"]
        assert locations(event_type="air/drone strike") == ["Odesa"]
        assert locations(event_type="Explosions/Remote violence") == ["Kharkiv", "Odesa"]
        assert locations(country="ukraine") == ["Kharkiv", "Odesa"]
        assert locations(country="Russia") == []
        assert locations(actor="of ukraine") == ["Odesa"]
        assert locations(near=(50.0, 36.3, 20.0)) == ["Kharkiv"]
        assert locations(near=(50.0, 36.3, 1.0)) == []
        assert locations(text="drones") == ["Odesa"]
        assert locations(text="'; DROP TABLE events; --") == []
        assert locations(limit=1) == ["Kharkiv"]
        assert [a.source for a in store.articles()] == ["Kyiv Wire", "River News"]


def test_a_failed_article_leaves_nothing(tmp_path: Path) -> None:
    path = str(tmp_path / "s.sqlite")
    with SQLiteStore(path) as store:
        broken = _event(A)
        broken.evidence = [object()]  # type: ignore[list-item]  # not serialisable
        with pytest.raises(TypeError):
            store.add_article(A, [broken])
        assert store.counts() == {"articles": 0, "events": 0, "reports": 0}
        store.add_article(A, [_event(A)])
    with open_store(path) as again:  # persisted, WAL mode
        assert again.counts()["events"] == 1
    mode = sqlite3.connect(path).execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_postgres_is_not_in_this_version() -> None:
    with pytest.raises(NotImplementedError):
        open_store("postgresql://localhost/eventwire")
