"""Ingest: idempotent, crash-safe, bad inputs reported while the rest goes on.

The rerun, SIGKILL and concurrency tests run on SQLite and on PostgreSQL (a throwaway server,
eventwire.store.pgserver), and each backend must give the clean SQLite run's table exactly.
"""

from __future__ import annotations

import importlib.util
import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.ingest import ingest
from eventwire.model import Article, Event, text_id
from eventwire.store import SQLiteStore, is_url, open_store
from eventwire.store.base import event_to_json
from eventwire.store.synthetic import PLACES, generate, write_corpus

SMALL = 300  # articles in the default corpus
EVENTWIRE = str(Path(sys.executable).parent / "eventwire")


def table(location: str | Path) -> list[tuple[object, ...]]:
    """Every event and every report of a store, in a fixed order, read through its interface."""
    with open_store(str(location)) as store:
        events = store.events()
        rows: list[tuple[object, ...]] = [
            ("event", e.event_id, store.report_count(e.event_id), event_to_json(e)) for e in events
        ]
        reports = [
            (
                "report",
                r.mention_id,
                r.event_id,
                r.article_id,
                r.source,
                r.fatalities,
                r.injuries,
                r.claimed_by,
                r.verified,
                json.dumps([vars(e) for e in r.evidence], sort_keys=True),
            )
            for e in events
            for r in store.reports(e.event_id)
        ]
    return rows + sorted(reports, key=str)


def stored_articles(location: str) -> int:
    """How many articles a store holds, read without opening it as a store (0 before it is)."""
    if is_url(location):
        import psycopg

        try:
            with psycopg.connect(location, connect_timeout=5) as db:
                row = db.execute("SELECT count(*) FROM articles").fetchone()
        except psycopg.Error:  # schema not created yet
            return 0
        return int(row[0]) if row else 0
    if not Path(location).exists():
        return 0
    try:
        db = sqlite3.connect(f"file:{location}?mode=ro", uri=True, timeout=1)
        try:
            return int(db.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            db.close()
    except sqlite3.OperationalError:  # schema not created yet
        return 0


@pytest.fixture
def location(store_location: str) -> str:
    """A fresh store's location: a SQLite file, or a fresh database on a throwaway server."""
    return store_location


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("corpus")
    write_corpus(directory, SMALL, seed=1)
    return directory


EXTRACTED: dict[str, list[Event]] = {}  # the clean run's extraction, by text hash


def recording(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """The pipeline's extraction, kept in EXTRACTED."""
    from eventwire.pipeline import extract_articles

    for article, events in extract_articles(articles):
        EXTRACTED[text_id(article.text)] = events
        yield article, events


def replaying(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    """The clean run's extraction again, without the pipeline's time."""
    for article in articles:
        yield article, EXTRACTED[text_id(article.text)]


@pytest.fixture(scope="module")
def clean(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A clean ingest of the small corpus into SQLite, checked against the generator's events."""
    path = tmp_path_factory.mktemp("clean") / "clean.sqlite"
    with SQLiteStore(str(path)) as store:
        report = ingest([str(corpus)], store, extractor=recording)
        assert report.failed == [] and report.read == SMALL
        _, truth = generate(SMALL, seed=1)
        # every generated event is one stored event: reworded reports merged, no two joined
        assert store.counts()["events"] == len(truth)
        assert report.events_added == len(truth)
    return path


def test_every_generated_place_resolves_to_its_own_point() -> None:
    from datetime import date

    from eventwire.model import Article
    from eventwire.pipeline import extract_articles

    articles = [
        Article(
            text=f"Russian forces shelled {p} on Sunday, the governor said.",
            published=date(2025, 6, 4),
        )
        for p in PLACES
    ]
    ids = [events[0].geonameid for _, events in extract_articles(articles)]
    assert len(set(ids)) == len(PLACES) and None not in ids


def test_ingesting_twice_adds_nothing(corpus: Path, clean: Path, location: str) -> None:
    with open_store(location) as store:
        ingest([str(corpus)], store)
        second = ingest([str(corpus)], store)
    assert second.duplicates == second.read == SMALL
    assert (second.events_added, second.events_merged) == (0, 0)
    assert table(location) == table(clean)  # PostgreSQL merges as SQLite does


def test_two_ingests_at_once_store_each_article_once(
    corpus: Path, clean: Path, location: str
) -> None:
    """Two writers on a new store (threads, each its own connection) race to create its schema,
    then over every article."""
    reports = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            with open_store(location) as store:
                reports.append(ingest([str(corpus)], store, extractor=replaying))
        except BaseException as err:  # reported by the assertion below
            errors.append(err)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert errors == []
    assert sum(r.read - r.duplicates for r in reports) == len(EXTRACTED)  # each stored once
    assert table(location) == table(clean)
    # the CLI reads either kind of store
    shown = CliRunner().invoke(main, ["events", "--db", location, "--format", "jsonl"])
    assert shown.exit_code == 0, shown.output
    assert len(shown.output.splitlines()) == len([r for r in table(clean) if r[0] == "event"])


def test_bad_inputs_are_reported_and_nothing_else_is_lost(
    corpus: Path, clean: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "broken.html").write_bytes(b"<html><head><title></title></head><body><div class=<<<")
    (bad / "empty.txt").write_bytes(b"")
    (bad / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with open(bad / "huge.txt", "wb") as f:
        f.truncate(20_000_000)  # 20 MB, never read into memory
    path = tmp_path / "mixed.sqlite"
    with SQLiteStore(str(path)) as store:
        report = ingest([str(bad), str(corpus)], store, extractor=replaying)
    reasons = {Path(f.name).name: f.reason for f in report.failed}
    assert set(reasons) == {"broken.html", "empty.txt", "image.txt", "huge.txt"}
    assert "no article text" in reasons["broken.html"]
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["image.txt"]
    assert "too large" in reasons["huge.txt"]
    assert table(path) == table(clean)


def test_a_copy_of_a_failed_article_fails_too_not_a_duplicate(tmp_path: Path) -> None:
    good = "Shelling hit a market in Kharkiv on Sunday, killing four people, officials said."
    cursed = "Drones struck a fuel depot in Sumy on Saturday, wounding two people, officials said."
    lines = [
        {"id": "a", "text": cursed},
        {"id": "b", "text": good},
        {"id": "a-copy", "text": cursed},  # the same batch as the original
        {"id": "b-copy", "text": good},
    ]
    batch = tmp_path / "batch.jsonl"
    batch.write_text("".join(json.dumps(line) + "\n" for line in lines))
    late = tmp_path / "late.jsonl"  # read after the first batch is done
    late.write_text(json.dumps({"id": "a-late", "text": cursed}) + "\n")

    def extractor(articles: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
        for article in articles:
            if article.text == cursed:
                raise RuntimeError("the model fell over")
            yield article, []

    with SQLiteStore(str(tmp_path / "s.sqlite")) as store:
        report = ingest([str(batch), str(late)], store, extractor=extractor)
    assert report.read == 2 and report.duplicates == 1
    reasons = {f.name: f.reason for f in report.failed}
    assert set(reasons) == {"a", "a-copy", "a-late"}
    assert "the model fell over" in reasons["a"]
    assert reasons["a-copy"] == reasons["a-late"] == "identical to an article that failed (a)"
    assert "2 articles read, 1 skipped as duplicate, 3 failed; 0 events added" in report.summary()


def test_the_summary_counts_in_words() -> None:
    from eventwire.ingest import Failure, IngestReport

    one = IngestReport(read=1, duplicates=1, events_added=1, seconds=1.0).summary()
    assert one.startswith("1 article read, 1 skipped as duplicate, 0 failed; 1 event added")
    assert one.endswith("(1.0 s, 1.0 articles/s)")  # a rate's unit, as in "km/h"
    slow = IngestReport(read=1, seconds=2.5).summary()
    assert slow.endswith("(2.5 s, 0.4 articles/s)")  # never "0 articles/s"
    assert "0 articles read" in IngestReport().summary()
    assert "0 failed;" in IngestReport().summary()  # no files were passed over
    passed_over = IngestReport(skipped=[Failure("a.png", "skipped: binary data")]).summary()
    assert "0 failed, 1 file not read;" in passed_over


def test_killed_ingest_resumes_to_the_clean_result(
    corpus: Path, clean: Path, location: str
) -> None:
    command = [EVENTWIRE, "ingest", str(corpus), "--db", location, "--no-progress"]
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    try:
        while process.poll() is None and time.monotonic() < deadline:
            if stored_articles(location) >= 40:  # past the first batch, in the middle of the run
                os.kill(process.pid, signal.SIGKILL)
                break
            time.sleep(0.01)
    finally:
        process.wait()
    assert process.returncode == -signal.SIGKILL, "the ingest finished before it was killed"
    partial = len([r for r in table(location) if r[0] == "event"])
    assert 0 < partial < len([r for r in table(clean) if r[0] == "event"])
    rerun = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert rerun.returncode == 0, rerun.stderr
    assert "skipped as duplicates" in rerun.stderr
    assert table(location) == table(clean)


HTML = b"""<html><head><title>Missiles hit Kharkiv</title>
<meta property="og:site_name" content="Example Wire">
<meta property="article:published_time" content="2025-06-04T08:00:00Z"></head>
<body><nav>Home | World | Sport</nav><article><h1>Missiles hit Kharkiv</h1>
<p>Russian missiles hit Kharkiv on Tuesday, killing three civilians and wounding 11, the
regional governor said.</p><p>The strike damaged a school and several apartment blocks in the
north of the city, officials said.</p></article><footer>Copyright Example Wire</footer></body></html>
"""

FEED = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Steppe Herald</title>
<item><title>Shelling in Nikopol</title><pubDate>Mon, 02 Jun 2025 09:00:00 GMT</pubDate>
<description>&lt;p&gt;Russian forces shelled Nikopol on Sunday, killing one man, the regional
governor said.&lt;/p&gt;</description><link>https://example.org/nikopol</link></item>
<item><title></title><description></description></item>
</channel></rss>"""


def test_html_and_feeds_take_their_own_metadata(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_bytes(HTML)
    (tmp_path / "news.rss").write_bytes(FEED)
    with SQLiteStore(str(tmp_path / "s.sqlite")) as store:
        report = ingest([str(tmp_path)], store, source="fallback")
        events = store.events()
        articles = list(store.articles())
    assert [f.name.endswith("news.rss#2") for f in report.failed] == [True]  # the empty entry
    assert {(a.source, a.published.isoformat() if a.published else None) for a in articles} == {
        ("Example Wire", "2025-06-04"),
        ("Steppe Herald", "2025-06-02"),
    }
    assert {(e.location, e.event_date) for e in events} == {
        ("Kharkiv", "2025-06-03"),
        ("Nikopol", "2025-06-01"),
    }


def test_cli_ingest_events_export(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "cli.sqlite")
    text = tmp_path / "undated.txt"
    text.write_text("Russian forces shelled Kherson on Monday, killing two civilians.\n")
    runner = CliRunner()
    first = runner.invoke(
        main, ["ingest", str(corpus / "articles-0000.jsonl"), str(text), "--db", db]
    )
    assert first.exit_code == 0, first.output
    assert "1 article had no publication date" in first.output
    assert "101 articles read" in first.output and "0 failed" in first.output
    result = runner.invoke(
        main, ["events", "--db", db, "--near", "46.64,32.61,10", "--format", "jsonl"]
    )
    assert result.exit_code == 0, result.output
    found = [json.loads(line) for line in result.output.splitlines()]
    assert found and all(e["location"] == "Kherson" for e in found)
    assert any(e["event_date"] is None for e in found)  # the undated article's event
    table_out = runner.invoke(main, ["events", "--db", db, "--type", "Armed clash"])
    assert "Armed clash" in table_out.output and "Air/drone" not in table_out.output
    out = tmp_path / "acled.csv"
    exported = runner.invoke(main, ["export", "--db", db, "--format", "acled", "--out", str(out)])
    assert exported.exit_code == 0
    lines = out.read_text().splitlines()
    assert lines[0].startswith("event_id_cnty,event_date,year")
    assert len(lines) - 1 == len(
        runner.invoke(main, ["export", "--db", db, "--format", "jsonl"]).output.splitlines()
    )
    if importlib.util.find_spec("pyarrow"):
        import pandas as pd

        parquet = tmp_path / "events.parquet"
        args = ["export", "--db", db, "--format", "parquet", "--out", str(parquet)]
        assert runner.invoke(main, args).exit_code == 0
        df = pd.read_parquet(parquet)
        assert len(df) == len(lines) - 1 and str(df["fatalities"].dtype) == "Int64"
        assert str(df["event_date"].dtype).startswith("datetime64")
    no_out = runner.invoke(main, ["export", "--db", db, "--format", "parquet"])
    assert no_out.exit_code == 2 and "--out" in no_out.output
    missing = runner.invoke(main, ["events", "--db", str(tmp_path / "none.sqlite")])
    assert missing.exit_code != 0 and "no store at" in missing.output
    bad = runner.invoke(main, ["ingest", str(tmp_path / "nope.txt"), "--db", db])
    assert bad.exit_code == 1 and "nope.txt" in bad.output


@pytest.mark.slow
def test_two_thousand_articles_twice_give_the_same_table(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    write_corpus(corpus, 2000, seed=2)
    _, truth = generate(2000, seed=2)
    path = tmp_path / "big.sqlite"
    with SQLiteStore(str(path)) as store:
        first = ingest([str(corpus)], store)
        before = table(path)
        second = ingest([str(corpus)], store)
    assert first.failed == [] and first.read == 2000
    assert first.events_added == len(truth)
    assert second.duplicates == 2000 and second.events_added == 0
    assert table(path) == before


@pytest.mark.slow
@pytest.mark.postgres
def test_the_bench_runs_both_stores_on_one_corpus() -> None:
    import io

    from eventwire.ingest import bench
    from eventwire.store.pgserver import missing

    reason = missing()
    if reason and os.environ.get("CI") == "true":
        pytest.fail(reason + " (CI=true)")
    out = io.StringIO()
    figures = bench(40, seed=3, out=out, postgres=reason is None)
    lines = out.getvalue().splitlines()
    assert set(figures) == ({"SQLite"} if reason else {"SQLite", "PostgreSQL"})
    for name, got in figures.items():
        assert got["articles"] == 40 and got["failed"] == 0 and got["rerun_added"] == 0
        assert got["events"] == figures["SQLite"]["events"] > 0
        assert any(line.startswith(f"ingest ({name}, 40 generated articles): ") for line in lines)
    assert lines[-1] == "reproduce: python -m eventwire.ingest --bench 40 --seed 3"
