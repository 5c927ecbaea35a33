"""What only the PostgreSQL store does: PostGIS points with a GiST index, its URL, its schema."""

from __future__ import annotations

import pytest

from eventwire.model import Article
from eventwire.store import EventQuery, open_store

pytestmark = pytest.mark.postgres


def test_points_are_postgis_geographies_with_a_gist_index(pg_url: str) -> None:
    import psycopg

    from events import make_event
    from eventwire.store.postgres import PostgresStore

    with open_store(pg_url) as store:
        assert isinstance(store, PostgresStore)
        article = Article(text="Shelling somewhere on 3 June.")
        store.add_article(
            article,
            [
                make_event(event_id="ew-1", article_id=article.article_id),
                make_event(
                    event_id="ew-2",
                    article_id=article.article_id,
                    latitude=None,
                    longitude=None,
                    geonameid=None,
                    location=None,
                    sub_event_type="Air/drone strike",
                ),
            ],
        )
        near = store.events(EventQuery(near=(49.98, 36.25, 5.0)))
        assert [e.event_id for e in near] == ["ew-1"]
    with psycopg.connect(pg_url) as db:
        rows = db.execute(
            "SELECT event_id, ST_Y(geog::geometry), ST_X(geog::geometry) FROM events"
            " ORDER BY event_id"
        ).fetchall()
        assert rows == [("ew-1", 49.98177, 36.25475), ("ew-2", None, None)]
        kind = db.execute(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
            " WHERE attrelid = 'events'::regclass AND attname = 'geog'"
        ).fetchone()
        assert kind == ("geography(Point,4326)",)
        index = db.execute("SELECT indexdef FROM pg_indexes WHERE indexname = 'events_geog'")
        assert "USING gist (geog)" in index.fetchone()[0]  # type: ignore[index]
        # the planner uses it for a near query once the table is large enough to matter
        db.execute("SET enable_seqscan = off")
        plan = db.execute(
            "EXPLAIN SELECT event_id FROM events WHERE ST_DWithin(geog,"
            " ST_SetSRID(ST_MakePoint(36.25, 49.98), 4326)::geography, 5000, false)"
        ).fetchall()
        assert "events_geog" in " ".join(row[0] for row in plan)


def test_a_newer_schema_is_refused(pg_url: str) -> None:
    import psycopg

    open_store(pg_url).close()
    with psycopg.connect(pg_url, autocommit=True) as db:
        db.execute("UPDATE eventwire_meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(RuntimeError, match="newer"):
        open_store(pg_url)
    with psycopg.connect(pg_url) as db:  # the refused open left no session behind
        sessions = db.execute(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
        ).fetchone()
        assert sessions == (1,)


def test_postgres_urls_open_postgres(pg_url: str) -> None:
    from eventwire.store.postgres import PostgresStore

    with open_store(pg_url.replace("postgresql://", "postgres://")) as store:
        assert isinstance(store, PostgresStore) and store.counts()["articles"] == 0
