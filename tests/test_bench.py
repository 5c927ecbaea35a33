"""eventwire.bench: the bench runs on a few short texts and returns every figure."""

from __future__ import annotations

import importlib.util
import io
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pytest

from eventwire.bench import bench_articles, print_bench, run_bench
from eventwire.model import Article, Event

TEXTS = [
    "Russian forces shelled the town of Alphaville on Monday, killing two civilians.",
    "Protesters marched in the capital on Tuesday to demand higher wages.",
    "A drone struck a fuel depot overnight, the regional governor said.",
]
KEYS = {
    "articles",
    "words",
    "batch_size",
    "events",
    "model_load_s",
    "gazetteer_load_s",
    "bare_parse_s",
    "bare_words_per_s",
    "pipeline_s",
    "articles_per_s",
    "words_per_s",
    "ratio",
    "ratio_ok",
    "places_s",
    "geo_share",
    "geo_ok",
    "pipeline_parse_s",
    "coder_inference_s",
    "outside_share",
    "outside_ok",
}


def articles() -> list[Article]:
    return [Article(text=t, article_id=f"t{i}") for i, t in enumerate(TEXTS)]


class FakeNlp:
    def pipe(self, texts: Iterable[str], batch_size: int = 32) -> Iterator[list[str]]:
        for text in texts:
            yield text.split()


class FakeGeoparser:
    def places(self, doc: list[str]) -> list[str]:
        return [w for w in doc if w[:1].isupper()]


def fake_extractor(items: Iterable[Article]) -> Iterator[tuple[Article, list[Event]]]:
    for article in items:
        yield article, []


def test_bench_figures_with_fakes() -> None:
    figures = run_bench(
        articles(), nlp=FakeNlp(), extractor=fake_extractor, geoparser_loader=FakeGeoparser
    )
    assert set(figures) == KEYS
    assert figures["articles"] == 3
    assert figures["words"] == sum(len(t.split()) for t in TEXTS)
    assert figures["ratio"] is not None and figures["geo_share"] is not None
    out = io.StringIO()
    print_bench(figures, "test texts", "python -m eventwire.bench", out)
    assert "pipeline / bare parse" in out.getvalue()
    assert "reproduce: python -m eventwire.bench" in out.getvalue()


def test_bench_needs_texts() -> None:
    with pytest.raises(ValueError):
        run_bench([], nlp=FakeNlp(), extractor=fake_extractor)


def test_bench_texts_fall_back_to_the_examples(tmp_path: Path) -> None:
    found, source = bench_articles(tmp_path)  # an empty folder: no shared data
    assert source == "examples/articles/*.txt"
    assert all(a.text for a in found)


def _pipeline_importable() -> bool:
    try:
        return importlib.util.find_spec("eventwire.pipeline") is not None and bool(
            __import__("eventwire.pipeline")
        )
    except ImportError:
        return False


@pytest.mark.slow
@pytest.mark.skipif(not _pipeline_importable(), reason="eventwire.pipeline does not import yet")
def test_bench_on_the_real_pipeline(nlp: Any) -> None:
    figures = run_bench(articles(), nlp=nlp, repeat=1)
    assert set(figures) == KEYS
    assert figures["pipeline_s"] is not None and figures["pipeline_s"] > 0
    assert figures["bare_parse_s"] > 0
    assert figures["ratio"] is not None


def test_bench_prints_the_ray_and_start_up_figures() -> None:
    figures = run_bench(articles(), nlp=FakeNlp(), extractor=fake_extractor)
    figures["startup_s"], figures["startup_ok"] = 2.0, False
    runs = {
        "1": {"articles_per_s": 10.0, "wall_s": 9.0, "startup_s": 5.0, "peak_mb": [1100]},
        "2": {"articles_per_s": 17.0, "wall_s": 8.0, "startup_s": 6.0, "peak_mb": [1000, 1050]},
    }
    figures["ray"] = {"runs": runs, "efficiency": 0.85, "efficiency_ok": True}  # as in JSON
    out = io.StringIO()
    print_bench(figures, "test texts", "python -m eventwire.bench", out)
    text = out.getvalue()
    assert "Ray, 2 workers" in text and "1,000 MB, 1,050 MB" in text
    assert "Ray scaling efficiency" in text and "0.850  (bar ≥ 0.8: ok)" in text
    assert "start-up to first event" in text and "MISSED" in text
