"""Every store backend: idempotent articles, merging with per-source reports, queries, paging,
atomicity. The `store` fixture (conftest.py) runs each test on SQLite and PostgreSQL."""

from __future__ import annotations

import time
from dataclasses import replace
from datetime import date, timedelta

import pytest

from events import make_event
from eventwire.geo.distance import distance_km
from eventwire.model import Article, Event, Evidence, text_id
from eventwire.store import EventQuery, Store, open_store


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


def test_an_article_is_stored_once(store: Store) -> None:
    assert store.add_article(A, [_event(A)]).events_added == 1
    again = Article(text="  " + A.text + "\r\n", source="Other")  # same normalised text
    assert store.has_article(again.text)
    assert store.add_article(again, [_event(again)]).duplicate
    assert store.counts() == {"articles": 1, "events": 1, "reports": 1}


def test_reports_of_one_event_merge_and_keep_every_source(store: Store) -> None:
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


def test_report_counts_of_a_page_in_one_lookup(store: Store) -> None:
    store.add_article(A, [_event(A)])
    store.add_article(B, [_event(B)])  # merges into A's event
    odesa = _event(C, event_date="2025-06-10", location="Odesa", geonameid=698740)
    store.add_article(C, [replace(odesa, latitude=46.48572, longitude=30.74383)])
    ids = [e.event_id for e in store.events()]
    assert len(ids) == 2
    counts = store.report_counts([*ids, "no-such-event", ids[0]])
    assert counts == {**{i: store.report_count(i) for i in ids}, "no-such-event": 0}
    assert sorted(counts[i] for i in ids) == [1, 2]
    assert store.report_counts([]) == {}


def test_a_near_miss_is_a_second_event(store: Store) -> None:
    store.add_article(A, [_event(A)])
    store.add_article(B, [_event(B, event_date="2025-06-05")])
    assert len(store.events()) == 2


def test_queries(store: Store) -> None:
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


def test_a_failed_article_leaves_nothing(store_location: str) -> None:
    with open_store(store_location) as store:
        broken = _event(A)
        broken.evidence = [object()]  # type: ignore[list-item]  # not serialisable
        with pytest.raises(TypeError):
            store.add_article(A, [broken])
        assert store.counts() == {"articles": 0, "events": 0, "reports": 0}
        store.add_article(A, [_event(A)])
    with open_store(store_location) as again:  # committed, and the schema opens again
        assert again.counts()["events"] == 1
        assert again.event("ew-" + A.article_id[:8]) is not None


def test_one_event_and_one_article_by_id(store: Store) -> None:
    store.add_article(A, [_event(A)])
    named = Article(text="Drones hit Sumy on 4 June.", article_id="wire-17", source="River News")
    store.add_article(named, [_event(named, event_date="2025-06-04", location="Sumy")])
    event = store.event("ew-" + A.article_id[:8])
    assert event is not None and event.location == "Kharkiv" and event.sources == ["Kyiv Wire"]
    assert store.event("ew-nothing") is None
    assert store.article("wire-17") == named
    assert store.article(A.article_id) == A  # no id given: the text hash is the id
    assert store.article("wire-18") is None
    # an id given twice: the first stored wins; the second is still found by its text hash
    twin = Article(text="Shelling in Kherson on 5 June.", article_id="wire-17")
    store.add_article(twin, [])
    assert store.article("wire-17") == named
    assert store.article(text_id(twin.text)) == twin
    assert store.report_count("ew-nothing") == 0


def _many_events(store: Store, n: int) -> None:
    """`n` events on distinct days and places, saved straight into the store."""
    with store.transaction():
        for i in range(n):
            event = _event(
                A,
                event_id=f"ew-{i:05d}",
                event_date=(date(2020, 1, 1) + timedelta(days=i // 3)).isoformat(),
                latitude=45.0 + (i % 100) * 0.05,
                longitude=30.0 + (i // 100) * 0.05,
                location=f"Place {i}",
                country="Ukraine" if i % 2 else "Russia",
            )
            store._save_event(event, 1)


def test_paging_and_counting(store: Store) -> None:
    _many_events(store, 400)
    every = [e.event_id for e in store.events()]
    assert len(every) == store.count_events() == 400
    assert every == sorted(every)  # dates rise with the ids here
    page = store.events(EventQuery(limit=25, offset=100))
    assert [e.event_id for e in page] == every[100:125]
    assert [e.event_id for e in store.events(EventQuery(offset=390))] == every[390:]
    assert store.events(EventQuery(limit=10, offset=400)) == []
    assert store.events(EventQuery(limit=0)) == []
    russia = EventQuery(country="Russia", limit=5, offset=10)
    assert store.count_events(russia) == 200  # limit and offset ignored
    assert [e.event_id for e in store.events(russia)] == [f"ew-{i:05d}" for i in range(20, 30, 2)]
    # near: the exact distance decides in the database, so a page is exact too
    near = EventQuery(near=(45.0, 30.0, 12.0))
    close = [e.event_id for e in store.events(near)]
    truth = [
        f"ew-{i:05d}"
        for i in range(400)
        if distance_km(45.0, 30.0, 45.0 + (i % 100) * 0.05, 30.0 + (i // 100) * 0.05) <= 12.0
    ]
    assert close == truth and len(truth) == 9  # 0.05° is about 5.6 km north, 3.9 km east
    assert store.count_events(near) == 9
    assert [e.event_id for e in store.events(replace(near, limit=2, offset=3))] == close[3:5]


def test_a_page_reads_only_its_rows(store: Store) -> None:
    _many_events(store, 5000)
    started = time.perf_counter()
    assert len(store.events()) == 5000
    everything = time.perf_counter() - started
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        page = store.events(EventQuery(limit=100, offset=4000))
        assert store.count_events(EventQuery(limit=100, offset=4000)) == 5000
        best = min(best, time.perf_counter() - started)
    assert [e.event_id for e in page] == [f"ew-{i:05d}" for i in range(4000, 4100)]
    assert best < everything / 4, (best, everything)


def test_changes_since_a_cursor(store: Store) -> None:
    assert (store.cursor(), store.changes(0)) == (0, [])
    store.add_article(A, [_event(A, fatalities=5)])
    first = store.cursor()
    [appeared] = store.changes(0)
    assert (appeared.event_id, appeared.seq, appeared.new) == (
        "ew-" + A.article_id[:8],
        first,
        True,
    )
    assert store.changes(first) == []  # nothing after the cursor: nothing changed
    # a second outlet's report joins the event; another article adds a new one
    store.add_article(B, [_event(B, fatalities=3)])
    store.add_article(
        C, [_event(C, location="Odesa", latitude=46.48, longitude=30.72, geonameid=698740)]
    )
    changed = store.changes(first)
    assert [(c.event_id, c.new) for c in changed] == [
        ("ew-" + A.article_id[:8], False),
        ("ew-" + C.article_id[:8], True),
    ]
    assert changed[-1].seq == store.cursor() > first
    # a page at a time: the last change's seq is where the next page starts
    [page] = store.changes(first, limit=1)
    assert store.changes(page.seq) == changed[1:]
    # from the start, the merged event is new (its first report is after 0)
    assert [c.new for c in store.changes(0)] == [True, True]
    # a duplicate article changes nothing
    store.add_article(A, [_event(A)])
    assert store.changes(changed[-1].seq) == []
