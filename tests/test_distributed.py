"""--engine ray: a local Ray with two workers gives, as a set, the events one process gives.

One Ray session serves every test of the module (starting Ray takes seconds); the engine
uses a Ray already running in its process as it is.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from eventwire.cli import main
from eventwire.model import Event
from eventwire.store.synthetic import write_corpus

pytestmark = pytest.mark.slow

ray = pytest.importorskip("ray", reason="the Ray engine needs the 'ray' extra")

ARTICLES = 500


def _key(event: Event | dict[str, Any]) -> str:
    data = event.to_dict() if isinstance(event, Event) else event
    return json.dumps(data, sort_keys=True)


@pytest.fixture(scope="module")
def ray_session() -> Iterator[None]:
    from eventwire.distributed import start_ray

    started = start_ray(workers=2)
    yield
    if started:
        ray.shutdown()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """500 generated articles in one JSON Lines file, in a directory of their own."""
    directory = tmp_path_factory.mktemp("corpus")
    write_corpus(directory, ARTICLES, seed=1, per_file=ARTICLES)
    return directory


@pytest.fixture(scope="module")
def one_process(corpus: Path) -> set[str]:
    """The events of the corpus extracted in this process, as JSON strings."""
    from eventwire.pipeline import extract_each
    from eventwire.read import read_inputs

    articles = [a for a in read_inputs([str(corpus)]) if not isinstance(a, Exception)]
    assert len(articles) == ARTICLES
    found = set()
    for _, events in extract_each(articles):
        assert isinstance(events, list)
        found.update(_key(e) for e in events)
    return found


def test_two_ray_workers_give_the_events_of_one_process(
    ray_session: None, corpus: Path, one_process: set[str]
) -> None:
    from eventwire.distributed import extract_on_ray

    results = list(extract_on_ray([str(corpus)], workers=2))
    assert len(results) == ARTICLES
    assert len({r.worker for r in results}) == 2  # the one file was shared by both workers
    events = [e for r in results if isinstance(r.events, list) for e in r.events]
    assert len(events) >= ARTICLES * 0.9
    assert {_key(e) for e in events} == one_process


def test_extract_command_on_ray_gives_the_events_of_one_process(
    ray_session: None, corpus: Path, one_process: set[str]
) -> None:
    (file,) = corpus.glob("*.jsonl")
    result = CliRunner().invoke(
        main, ["extract", "--engine", "ray", "--workers", "2", "--input-format", "jsonl", str(file)]
    )
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stdout.splitlines() if line.strip()]
    assert {_key(json.loads(line)) for line in lines} == one_process
    # in a pipe: no bar, one summary line with the rate
    assert f"{ARTICLES} articles read, 0 failed" in result.stderr
    assert "articles/s" in result.stderr


def test_ray_writes_parquet_and_reports_bad_inputs(ray_session: None, tmp_path: Path) -> None:
    pandas = pytest.importorskip("pandas")
    corpus = tmp_path / "in"
    write_corpus(corpus, 40, seed=2, per_file=20)
    (corpus / "bad.jsonl").write_text('{"text": "Shelling in Kharkiv."}\nnot json\n')
    (corpus / "notes.pdf").write_bytes(b"%PDF-1.4")
    out = tmp_path / "events.parquet"
    result = CliRunner().invoke(
        main, ["extract", "--engine", "ray", "--format", "parquet", "--out", str(out), str(corpus)]
    )
    assert result.exit_code == 1  # the bad line fails the command, the rest is written
    assert f"{corpus / 'bad.jsonl'}:2: invalid JSON" in result.stderr
    assert "notes.pdf: skipped" in result.stderr
    frame = pandas.read_parquet(out)
    assert len(frame) >= 36 and str(frame["fatalities"].dtype) == "Int64"


def test_ingest_on_ray_leaves_the_store_one_process_leaves(
    ray_session: None, tmp_path: Path
) -> None:
    from eventwire.store import open_store

    corpus = tmp_path / "in"
    write_corpus(corpus, 60, seed=3, per_file=30)
    stores = {}
    for engine in ("process", "ray"):
        db = tmp_path / f"{engine}.sqlite"
        result = CliRunner().invoke(
            main, ["ingest", "--engine", engine, "--db", str(db), str(corpus), str(corpus)]
        )
        assert result.exit_code == 0, result.output
        with open_store(str(db)) as store:
            stores[engine] = {_key(e) for e in store.events()}
    assert stores["ray"] == stores["process"] and len(stores["ray"]) > 20


def test_address_needs_the_ray_engine(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["extract", "--address", "127.0.0.1:6379", str(tmp_path)])
    assert result.exit_code == 2 and "--address needs --engine ray" in result.output
