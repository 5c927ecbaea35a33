"""Timing the pipeline end to end against spaCy's bare parse of the same texts (`make bench`)."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any, TextIO

from eventwire.model import Article, Event
from eventwire.read.articles import publication_date

REPO = Path(__file__).resolve().parents[2]
REFERENCE_ARTICLE = "corpus/articles/000_1f5c841166c9d954.txt"
TR_NEWS = "data/geoparsing/tr-news.jsonl"
ACLED_UKRAINE = "data/acled-ukraine-dev.jsonl"
RATIO_BAR = 2.0  # pipeline time / bare parse time, the trained coder in (issue 10; 1.5 without it)
GEO_BAR = 0.10  # geoparser time / bare parse time
# the pipeline's time outside the parse and the coder's model inference / bare parse (issue 13)
OUTSIDE_BAR = 0.25
SCALING_BAR = 0.8  # articles/s on 2 Ray workers / (2 x on 1)
STARTUP_BAR = 1.5  # seconds from `eventwire extract` of one paragraph to its first event
STARTUP_TEXT = (
    "KHARKIV, Ukraine (Reuters) - Russian forces shelled Kharkiv on Monday, killing two"
    " civilians and wounding five, the regional governor said."
)
DEFAULT_BATCH_SIZE = 32

Extractor = Callable[[Iterable[Article]], Iterable[tuple[Article, list[Event]]]]


def shared_dir() -> Path:
    """The team's shared folder: $EVENTWIRE_SHARED, else `shared` next to the repository."""
    return Path(os.environ.get("EVENTWIRE_SHARED") or REPO.parent / "shared")


def _jsonl_articles(path: Path, prefix: str) -> Iterator[Article]:
    with open(path, encoding="utf-8") as lines:
        for i, line in enumerate(lines):
            if not line.strip():
                continue
            raw = json.loads(line)
            yield Article(
                text=raw["text"],
                article_id=f"{prefix}-{raw.get('id', i)}",
                published=publication_date(str(raw.get("published") or "")),
            )


def bench_articles(shared: Path | None = None) -> tuple[list[Article], str]:
    """The bench texts and where they came from.

    With the shared folder: the reference article, the TR-News texts and the ACLED Ukraine
    notes; without it, the project's example articles (examples/articles/*.txt).
    """
    shared = shared or shared_dir()
    if (shared / REFERENCE_ARTICLE).is_file():
        articles = [
            Article(
                text=(shared / REFERENCE_ARTICLE).read_text(encoding="utf-8"),
                article_id="reference",
                published=date(2022, 3, 14),
            )
        ]
        used = [REFERENCE_ARTICLE]
        for name, prefix in ((TR_NEWS, "tr-news"), (ACLED_UKRAINE, "acled")):
            if (shared / name).is_file():
                articles += _jsonl_articles(shared / name, prefix)
                used.append(name)
        return articles, f"{shared}: " + ", ".join(used)
    examples = sorted((REPO / "examples" / "articles").glob("*.txt"))
    if not examples:
        examples = sorted(Path("examples/articles").glob("*.txt"))
    articles = [Article(text=p.read_text(encoding="utf-8"), article_id=p.stem) for p in examples]
    return articles, "examples/articles/*.txt"


def _default_nlp() -> Any:
    from eventwire.nlp import load_nlp

    return load_nlp()


def _default_extractor() -> Extractor | None:
    try:
        from eventwire.pipeline import extract_articles
    except ImportError:
        return None
    return extract_articles


def _default_geoparser_loader() -> Callable[[], Any] | None:
    try:
        from eventwire.geo import load_geoparser  # type: ignore[attr-defined,unused-ignore]
    except ImportError:
        return None
    return load_geoparser  # type: ignore[no-any-return,unused-ignore]


def _batch_size() -> int:
    try:
        from eventwire.pipeline import BATCH_SIZE
    except ImportError:
        return DEFAULT_BATCH_SIZE
    return int(BATCH_SIZE)


class StageTimer:
    """The seconds the pipeline spends parsing (`eventwire.nlp.parse`, as the pipeline calls
    it) and in the coder's ONNX session `run`, summed while `on`: both measured inside the
    same pipeline run, so that a passing load on the machine hits them and the rest alike."""

    def __init__(self) -> None:
        self.parse = 0.0
        self.inference = 0.0
        self.on = False

    def wrap(self) -> None:
        """Time the process's embedder session (loaded here if it was not) and the
        pipeline's parse."""
        import eventwire.pipeline
        from eventwire.coding.embed import load_embedder

        timer = self
        embedder = load_embedder()
        session = embedder.session

        class TimedSession:
            def __getattr__(self, name: str) -> Any:
                return getattr(session, name)

            def run(self, *args: Any, **kwargs: Any) -> Any:
                started = time.perf_counter()
                try:
                    return session.run(*args, **kwargs)
                finally:
                    if timer.on:
                        timer.inference += time.perf_counter() - started

        parse = eventwire.pipeline.parse

        def timed_parse(*args: Any, **kwargs: Any) -> Iterator[Any]:
            parsed = parse(*args, **kwargs)
            while True:
                started = time.perf_counter()
                item = next(parsed, None)
                if timer.on:
                    timer.parse += time.perf_counter() - started
                if item is None:
                    return
                yield item

        embedder.session = TimedSession()
        eventwire.pipeline.parse = timed_parse


def _timed(work: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    result = work()
    return time.perf_counter() - started, result


def run_bench(
    articles: Sequence[Article],
    nlp: Any = None,
    extractor: Extractor | None = None,
    geoparser_loader: Callable[[], Any] | None = None,
    batch_size: int | None = None,
    repeat: int = 2,
) -> dict[str, Any]:
    """Time the pipeline, the bare parse and the geoparser over the same articles.

    Each figure is the fastest of `repeat` alternating rounds after a warm-up. Without a pipeline
    (`extractor` None and eventwire.pipeline not importable) or a geoparser, those figures
    are None. Returns plain figures (seconds, rates, ratios, and whether each bar is met).
    """
    if not articles:
        raise ValueError("no texts to bench")
    batch_size = batch_size or _batch_size()
    started = time.perf_counter()
    nlp = nlp if nlp is not None else _default_nlp()
    model_load = time.perf_counter() - started
    timer: StageTimer | None = None
    if extractor is None:
        extractor = _default_extractor()
        if extractor is not None:
            timer = StageTimer()
            timer.wrap()
    loader = geoparser_loader if geoparser_loader is not None else _default_geoparser_loader()

    geoparser, gazetteer_load = None, None
    if loader is not None:
        started = time.perf_counter()
        geoparser = loader()  # the first call loads the gazetteer index
        gazetteer_load = time.perf_counter() - started

    texts = [a.text for a in articles]
    words = sum(len(t.split()) for t in texts)

    # Warm-up: one document through each path.
    list(nlp.pipe(texts[:1], batch_size=batch_size))
    if extractor is not None:
        for _ in extractor(articles[:1]):
            pass

    def run_bare() -> list[Any]:
        return list(nlp.pipe(texts, batch_size=batch_size))

    def run_pipeline() -> int:
        assert extractor is not None
        return sum(len(evs) for _, evs in extractor(articles))

    inference: float | None = None
    parse_in_pipeline: float | None = None

    def run_places() -> int:
        found: int = 0
        for doc in docs:
            found += len(geoparser.places(doc)) if geoparser is not None else 0
        return found

    # Rounds alternate the measurements so that a passing load on the machine hits all alike;
    # each figure is its fastest round.
    bare = math.inf
    pipeline: float | None = None
    places: float | None = None
    events = 0
    for _ in range(max(1, repeat)):
        seconds, docs = _timed(run_bare)
        bare = min(bare, seconds)
        if extractor is not None:
            if timer is not None:
                timer.parse, timer.inference, timer.on = 0.0, 0.0, True
            seconds, events = _timed(run_pipeline)
            if timer is not None:
                timer.on = False
            if pipeline is None or seconds < pipeline:
                pipeline = seconds
                if timer is not None:
                    inference, parse_in_pipeline = timer.inference, timer.parse
        if geoparser is not None:
            seconds, _ = _timed(run_places)
            places = seconds if places is None else min(places, seconds)

    ratio = pipeline / bare if pipeline is not None and bare > 0 else None
    geo_share = places / bare if places is not None and bare > 0 else None
    # the share is of the pipeline's own parse, timed in the same run as the rest
    outside = (
        (pipeline - parse_in_pipeline - inference) / parse_in_pipeline
        if pipeline is not None and inference is not None and parse_in_pipeline
        else None
    )
    return {
        "articles": len(articles),
        "words": words,
        "batch_size": batch_size,
        "events": events,
        "model_load_s": round(model_load, 3),
        "gazetteer_load_s": None if gazetteer_load is None else round(gazetteer_load, 3),
        "bare_parse_s": round(bare, 3),
        "bare_words_per_s": round(words / bare, 1) if bare > 0 else None,
        "pipeline_s": None if pipeline is None else round(pipeline, 3),
        "articles_per_s": round(len(articles) / pipeline, 2) if pipeline else None,
        "words_per_s": round(words / pipeline, 1) if pipeline else None,
        "ratio": None if ratio is None else round(ratio, 3),
        "ratio_ok": None if ratio is None else ratio <= RATIO_BAR,
        "places_s": None if places is None else round(places, 3),
        "geo_share": None if geo_share is None else round(geo_share, 3),
        "geo_ok": None if geo_share is None else geo_share <= GEO_BAR,
        "pipeline_parse_s": None if parse_in_pipeline is None else round(parse_in_pipeline, 3),
        "coder_inference_s": None if inference is None else round(inference, 3),
        "outside_share": None if outside is None else round(outside, 3),
        "outside_ok": None if outside is None else outside <= OUTSIDE_BAR,
    }


def run_ray_bench(
    articles: Sequence[Article], workers: Sequence[int] = (1, 2), directory: Path | None = None
) -> dict[str, Any]:
    """Articles/s of `eventwire.distributed` with each number of workers on the same articles
    (one JSON Lines file, a fresh local Ray each), the scaling efficiency and each worker's
    peak memory.

    The rate counts from the moment the first worker has its models loaded to the last
    result: Ray's and the workers' start-up is timed apart, as it is paid once per run however
    long the run (the other workers' loading is counted in, against them).
    """
    import tempfile

    from eventwire.distributed import extract_on_ray

    runs: dict[int, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(dir=directory) as tmp:
        path = Path(tmp) / "bench.jsonl"
        with open(path, "w", encoding="utf-8") as out:
            for a in articles:
                published = a.published.isoformat() if a.published else None
                out.write(json.dumps({"id": a.article_id, "text": a.text, "published": published}))
                out.write("\n")
        for n in workers:
            started = time.time()
            peaks: dict[int, int] = {}
            ready: dict[int, float] = {}
            count = 0
            for result in extract_on_ray([str(path)], workers=n, input_format="jsonl"):
                count += 1
                peaks[result.worker] = max(peaks.get(result.worker, 0), result.peak_rss)
                ready[result.worker] = result.ready_at
            ended = time.time()
            first_ready = min(ready.values())  # from the first worker with its models loaded
            runs[n] = {
                "articles_per_s": round(count / (ended - first_ready), 2),
                "wall_s": round(ended - started, 2),
                "startup_s": round(first_ready - started, 2),
                "workers_seen": len(peaks),
                "peak_mb": sorted(round(p / 2**20) for p in peaks.values() if p),
            }
    low, high = min(workers), max(workers)
    efficiency = (
        runs[high]["articles_per_s"] / (runs[low]["articles_per_s"] * high / low)
        if high > low
        else None
    )
    return {
        "runs": runs,
        "efficiency": None if efficiency is None else round(efficiency, 3),
        "efficiency_ok": None if efficiency is None else efficiency >= SCALING_BAR,
    }


def startup_seconds(repeat: int = 3) -> float:
    """Wall seconds from starting `eventwire extract FILE` on one paragraph to its first
    event on stdout; the fastest of `repeat` runs."""
    import subprocess
    import tempfile

    best = math.inf
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "one.txt"
        path.write_text(STARTUP_TEXT, encoding="utf-8")
        command = [sys.executable, "-m", "eventwire", "extract", "--format", "jsonl"]
        command += ["--published", "2025-06-02", str(path)]
        for _ in range(repeat):
            started = time.perf_counter()
            with subprocess.Popen(command, stdout=subprocess.PIPE, text=True) as process:
                assert process.stdout is not None
                line = process.stdout.readline()
                seconds = time.perf_counter() - started
                process.stdout.read()
            if process.returncode != 0 or not line.strip():
                raise RuntimeError(f"{' '.join(command)} gave no event")
            best = min(best, seconds)
    return best


def _show(value: Any, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        digits = 3 if value < 10 else 1 if value < 100 else 0
        return f"{value:,.{digits}f}{unit}"
    return f"{value:,}{unit}"


def print_bench(figures: dict[str, Any], source: str, command: str, out: TextIO) -> None:
    """The figures as a small table, with the bars and the command that reproduces them."""

    def bar(ok: bool | None, limit: str) -> str:
        return "" if ok is None else f"(bar {limit}: {'ok' if ok else 'MISSED'})"

    rows = [
        ("texts", f"{figures['articles']:,} articles, {figures['words']:,} words"),
        ("source", source),
        ("batch size", _show(figures["batch_size"])),
        ("model load", _show(figures["model_load_s"], " s")),
        ("gazetteer index load", _show(figures["gazetteer_load_s"], " s")),
        (
            "spaCy bare nlp.pipe",
            f"{_show(figures['bare_parse_s'], ' s')}  "
            f"({_show(figures['bare_words_per_s'])} words/s)",
        ),
        (
            "pipeline end to end",
            f"{_show(figures['pipeline_s'], ' s')}  "
            f"({_show(figures['articles_per_s'])} articles/s, "
            f"{_show(figures['words_per_s'])} words/s, {figures['events']:,} events)",
        ),
        (
            "pipeline / bare parse",
            f"{_show(figures['ratio'])}×  {bar(figures['ratio_ok'], f'≤ {RATIO_BAR}×')}",
        ),
        (
            "in the pipeline",
            f"parse {_show(figures.get('pipeline_parse_s'), ' s')}, coder inference (ONNX) "
            f"{_show(figures.get('coder_inference_s'), ' s')}",
        ),
        (
            "outside parse + inference",
            f"{_show(figures.get('outside_share'))} of the parse  "
            f"{bar(figures.get('outside_ok'), f'≤ {OUTSIDE_BAR:.0%}')}",
        ),
        ("geoparser places()", _show(figures["places_s"], " s")),
        (
            "geoparser / bare parse",
            f"{_show(figures['geo_share'])}  {bar(figures['geo_ok'], f'≤ {GEO_BAR:.0%}')}",
        ),
    ]
    ray = figures.get("ray")
    if ray:
        for workers, run in sorted((int(k), v) for k, v in ray["runs"].items()):
            rows.append(
                (
                    f"Ray, {workers} worker{'s' if workers > 1 else ''}",
                    f"{_show(run['articles_per_s'])} articles/s (after start-up; "
                    f"{_show(run['wall_s'], ' s')} wall, start-up {_show(run['startup_s'], ' s')}),"
                    f" peak memory per worker {', '.join(_show(m, ' MB') for m in run['peak_mb'])}",
                )
            )
        rows.append(
            (
                "Ray scaling efficiency",
                f"{_show(ray['efficiency'])}  {bar(ray['efficiency_ok'], f'≥ {SCALING_BAR}')}",
            )
        )
    if figures.get("startup_s") is not None:
        rows.append(
            (
                "start-up to first event",
                f"{_show(figures['startup_s'], ' s')} wall (one-paragraph extract)  "
                f"{bar(figures['startup_ok'], f'≤ {STARTUP_BAR} s')}",
            )
        )
    if figures["pipeline_s"] is None:
        rows.append(("note", "eventwire.pipeline could not be imported: no pipeline figures"))
    if figures["places_s"] is None:
        rows.append(("note", "eventwire.geo.load_geoparser could not be imported: no geo figures"))
    width = max(len(k) for k, _ in rows)
    print("eventwire bench (best of 2 runs after a warm-up)", file=out)
    for key, value in rows:
        print(f"  {key:<{width}}  {value}", file=out)
    print(f"reproduce: {command}", file=out)


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> dict[str, Any]:
    """`python -m eventwire.bench [--limit N] [--json]`."""
    parser = argparse.ArgumentParser(prog="python -m eventwire.bench", description=__doc__)
    parser.add_argument("--limit", type=int, help="bench only the first N texts")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--no-ray", action="store_true", help="skip the Ray workers' figures")
    args = parser.parse_args(argv)
    articles, source = bench_articles()
    if args.limit is not None:
        articles = articles[: args.limit]
    figures = run_bench(articles)
    figures["startup_s"] = round(startup_seconds(), 3)
    figures["startup_ok"] = figures["startup_s"] <= STARTUP_BAR
    if not args.no_ray:
        try:
            import ray  # noqa: F401
        except ImportError:
            figures["ray"] = None
        else:
            figures["ray"] = run_ray_bench(articles)
    command = (
        "python -m eventwire.bench"
        + (f" --limit {args.limit}" if args.limit else "")
        + (" --no-ray" if args.no_ray else "")
    )
    env = os.environ.get("EVENTWIRE_SHARED")
    if env:
        command = f"EVENTWIRE_SHARED={env} {command}"
    figures["source"] = source
    figures["command"] = command
    if args.json:
        json.dump(figures, out, indent=2)
        out.write("\n")
    else:
        print_bench(figures, source, command, out)
    return figures


if __name__ == "__main__":
    main()
